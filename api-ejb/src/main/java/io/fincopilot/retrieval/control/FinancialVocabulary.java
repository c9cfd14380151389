package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.LineItem;
import io.fincopilot.retrieval.entity.StatementKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements and line items questions name, in the words analysts use ("capex", "P&L", "top
 * line"), each with the statement it is read from. Terms are tried most specific first and a span
 * of the question is used once, so "cost of sales" is not also "sales" and "purchases of PP&E" is
 * capital expenditure, not property.
 */
final class FinancialVocabulary {

    record Term(Pattern pattern, String name, StatementKind statement) {
    }

    static final List<Term> STATEMENTS = List.of(
            term("cash\\s+flows?\\s+statements?|statements?\\s+of\\s+(?:consolidated\\s+)?cash\\s+flows?", "cash flow statement", StatementKind.CASH_FLOW),
            term("income\\s+statements?|statements?\\s+of\\s+(?:consolidated\\s+)?(?:operations|income|earnings)|\\bp\\s?&\\s?l\\b|profit\\s+and\\s+loss",
                    "income statement", StatementKind.INCOME),
            term("balance\\s+sheets?|statements?\\s+of\\s+(?:consolidated\\s+)?financial\\s+(?:position|condition)", "balance sheet", StatementKind.BALANCE_SHEET),
            term("statements?\\s+of\\s+(?:changes\\s+in\\s+)?(?:(?:stockholders|shareholders)'?\\s+)?equity|equity\\s+statements?", "statement of equity",
                    StatementKind.EQUITY));

    static final List<Term> ITEMS = List.of(
            term("capital\\s+expenditures?|cap\\s?ex|purchases?\\s+of\\s+(?:property(?:,?\\s+plant)?\\s+and\\s+equipment|pp\\s?&\\s?e)"
                    + "|additions\\s+to\\s+property(?:,?\\s+plant)?\\s+and\\s+equipment|payments\\s+for\\s+property", "capital expenditure", StatementKind.CASH_FLOW),
            term("free\\s+cash\\s+flows?", "free cash flow", StatementKind.CASH_FLOW),
            term("net\\s+cash\\s+(?:provided\\s+by|from|generated\\s+(?:by|from)|used\\s+in|\\(used\\s+in\\)\\s+provided\\s+by)\\s+operating\\s+activities"
                    + "|cash\\s+flows?\\s+from\\s+operat(?:ions|ing\\s+activities)|cash\\s+from\\s+operations|operating\\s+cash\\s+flows?", "operating cash flow",
                    StatementKind.CASH_FLOW),
            term("(?:net\\s+cash\\s+(?:provided\\s+by|from|used\\s+in)\\s+)?investing\\s+activities", "investing cash flow", StatementKind.CASH_FLOW),
            term("(?:net\\s+cash\\s+(?:provided\\s+by|from|used\\s+in)\\s+)?financing\\s+activities", "financing cash flow", StatementKind.CASH_FLOW),
            term("dividends?\\s+paid|dividend\\s+payments?|cash\\s+dividends|payments?\\s+of\\s+dividends", "dividends paid", StatementKind.CASH_FLOW),
            term("(?:share|stock)\\s+repurchases?|repurchases?\\s+of\\s+(?:common\\s+)?(?:stock|shares)|buy\\s?backs?|purchases?\\s+of\\s+treasury\\s+stock",
                    "share repurchases", StatementKind.CASH_FLOW),
            term("depreciation(?:\\s+and\\s+amortization)?|\\bd\\s?&\\s?a\\b", "depreciation and amortization", StatementKind.CASH_FLOW),
            term("cost\\s+of\\s+(?:goods\\s+sold|sales|revenues?|products\\s+sold)|\\bcogs\\b", "cost of revenue", StatementKind.INCOME),
            term("gross\\s+(?:profit\\s+)?margins?", "gross margin", StatementKind.INCOME),
            term("gross\\s+profit", "gross profit", StatementKind.INCOME),
            term("operating\\s+margins?|ebit\\s+margins?", "operating margin", StatementKind.INCOME),
            term("operating\\s+(?:income|profit)|income\\s+from\\s+operations|\\bebit\\b", "operating income", StatementKind.INCOME),
            term("\\bebitda\\b", "EBITDA", StatementKind.INCOME),
            term("net\\s+(?:profit\\s+)?margins?", "net margin", StatementKind.INCOME),
            term("(?:diluted\\s+|basic\\s+)?(?:earnings|income|loss)\\s+per\\s+(?:common\\s+)?share|\\beps\\b", "earnings per share", StatementKind.INCOME),
            term("net\\s+(?:income|earnings|profit|loss)|bottom\\s+line", "net income", StatementKind.INCOME),
            term("\\bsg\\s?&\\s?a\\b|selling,?\\s+general\\s+and\\s+administrative", "SG&A", StatementKind.INCOME),
            term("\\br\\s?&\\s?d\\b|research\\s+and\\s+development", "research and development", StatementKind.INCOME),
            term("interest\\s+expense", "interest expense", StatementKind.INCOME),
            term("provision\\s+for\\s+income\\s+taxes|(?:income\\s+)?tax\\s+(?:expense|provision)|effective\\s+tax\\s+rate", "income tax expense", StatementKind.INCOME),
            term("(?:total\\s+|net\\s+)?revenues?|(?:total\\s+|net\\s+)?sales|top\\s+line|turnover", "revenue", StatementKind.INCOME),
            term("total\\s+assets", "total assets", StatementKind.BALANCE_SHEET),
            term("total\\s+liabilities", "total liabilities", StatementKind.BALANCE_SHEET),
            term("(?:total\\s+)?current\\s+assets", "current assets", StatementKind.BALANCE_SHEET),
            term("(?:total\\s+)?current\\s+liabilities", "current liabilities", StatementKind.BALANCE_SHEET),
            term("current\\s+ratio|quick\\s+ratio|working\\s+capital", "working capital", StatementKind.BALANCE_SHEET),
            term("inventor(?:y|ies)", "inventory", StatementKind.BALANCE_SHEET),
            term("(?:accounts\\s+|trade\\s+)receivables?|\\breceivables\\b", "accounts receivable", StatementKind.BALANCE_SHEET),
            term("accounts\\s+payable|\\bpayables\\b", "accounts payable", StatementKind.BALANCE_SHEET),
            term("(?:total|net|long[-\\s]term|short[-\\s]term)\\s+debt|total\\s+borrowings|\\bborrowings\\b", "total debt", StatementKind.BALANCE_SHEET),
            term("cash\\s+(?:and\\s+cash\\s+)?equivalents|cash\\s+on\\s+hand", "cash and cash equivalents", StatementKind.BALANCE_SHEET),
            term("(?:total\\s+)?(?:stockholders|shareholders)'?\\s+equity|total\\s+equity|book\\s+value", "shareholders' equity", StatementKind.BALANCE_SHEET),
            term("goodwill", "goodwill", StatementKind.BALANCE_SHEET),
            term("(?:net\\s+)?property,?\\s+plant\\s+and\\s+equipment|\\bpp\\s?&\\s?e\\b", "property, plant and equipment", StatementKind.BALANCE_SHEET),
            term("retained\\s+earnings", "retained earnings", StatementKind.BALANCE_SHEET));

    private FinancialVocabulary() {
    }

    /** The statement the question names first, or null. */
    static StatementKind statement(String question) {
        return matches(STATEMENTS, question).stream().findFirst().map(LineItem::statement).orElse(null);
    }

    /** Line items in the order the question names them, the named statements' words excluded. */
    static List<LineItem> lineItems(String question) {
        BitSet used = new BitSet();
        for (Term statement : STATEMENTS) {
            for (Matcher m = statement.pattern().matcher(question); m.find();) {
                used.set(m.start(), m.end());
            }
        }
        return matches(ITEMS, question, used);
    }

    private static List<LineItem> matches(List<Term> terms, String question) {
        return matches(terms, question, new BitSet());
    }

    private static List<LineItem> matches(List<Term> terms, String question, BitSet used) {
        record Found(int at, LineItem item) {
        }
        List<Found> found = new ArrayList<>();
        for (Term term : terms) {
            for (Matcher m = term.pattern().matcher(question); m.find();) {
                if (used.get(m.start(), m.end()).isEmpty()) {
                    used.set(m.start(), m.end());
                    found.add(new Found(m.start(), new LineItem(term.name(), m.group(), term.statement())));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Found::at)).map(Found::item).distinct().toList();
    }

    private static Term term(String regex, String name, StatementKind statement) {
        return new Term(Pattern.compile("(?i)(?<![\\w])(?:" + regex + ")(?![\\w])"), name, statement);
    }
}
