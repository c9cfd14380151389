package io.fincopilot.retrieval.control;

import io.fincopilot.retrieval.entity.StatementKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the primary statements are titled and which line items they carry, in the words US filers
 * use. A statement of comprehensive income alone is not the income statement ("Statements of
 * Operations and Comprehensive Loss" is); "Statements of Financial Position" is a balance sheet.
 */
final class StatementTitles {

    static final Map<StatementKind, Pattern> TITLES = new EnumMap<>(Map.of(
            StatementKind.INCOME, Pattern.compile("(?i)\\b(?:statements?\\s+of\\s+(?:consolidated\\s+)?(?:operations|income|earnings|net\\s+income|(?:net\\s+)?loss"
                    + "|profit\\s+(?:and|or)\\s+loss)(?:\\s+and\\s+comprehensive\\s+(?:income|loss|earnings))?|income\\s+statements?"
                    + "|statements?\\s+of\\s+comprehensive\\s+(?:income|loss)\\s+and\\s+(?:operations|income))\\b"),
            StatementKind.BALANCE_SHEET, Pattern.compile("(?i)\\b(?:balance\\s+sheets?|statements?\\s+of\\s+(?:consolidated\\s+)?financial\\s+(?:position|condition)"
                    + "|statements?\\s+of\\s+condition)\\b"),
            StatementKind.CASH_FLOW, Pattern.compile("(?i)\\b(?:statements?\\s+of\\s+(?:consolidated\\s+)?cash\\s+flows?|cash\\s+flows?\\s+statements?)\\b"),
            StatementKind.EQUITY, Pattern.compile("(?i)\\bstatements?\\s+of\\s+(?:changes\\s+in\\s+)?(?:(?:stockholders|shareholders|shareowners|"
                    + "members|partners)'?\\s+)?(?:equity|deficit|investment|capital)(?:\\s+\\(deficit\\))?\\b")));

    /** Line items that each statement carries; a page must show several of its statement's. */
    static final Map<StatementKind, List<Pattern>> ITEMS = new EnumMap<>(Map.of(
            StatementKind.INCOME, patterns("\\b(?:total\\s+)?(?:net\\s+)?(?:revenues?|sales)\\b", "\\bcost\\s+of\\s+(?:sales|revenues?|goods\\s+sold|products\\s+sold|services)\\b",
                    "\\bgross\\s+(?:profit|margin)\\b", "\\b(?:operating\\s+(?:income|profit|loss|expenses)|income\\s+from\\s+operations)\\b",
                    "\\b(?:income|earnings|loss)\\s+before\\s+(?:provision\\s+for\\s+)?income\\s+taxes\\b|\\b(?:provision\\s+for|benefit\\s+from)\\s+income\\s+taxes\\b"
                            + "|\\bincome\\s+tax\\s+(?:expense|provision)\\b",
                    "\\bnet\\s+(?:income|earnings|loss)\\b", "\\b(?:earnings|income|loss)\\s+per\\s+(?:common\\s+)?share\\b|\\bdiluted\\b",
                    "\\bweighted[-\\s]average\\b", "\\b(?:selling,\\s+)?general\\s+and\\s+administrative\\b|\\bresearch\\s+and\\s+development\\b"),
            StatementKind.BALANCE_SHEET, patterns("\\btotal\\s+assets\\b", "\\btotal\\s+liabilities\\b", "\\btotal\\s+current\\s+assets\\b",
                    "\\btotal\\s+current\\s+liabilities\\b", "\\bcash\\s+and\\s+(?:cash\\s+)?equivalents\\b", "\\breceivables?\\b", "\\binventor(?:y|ies)\\b",
                    "\\bproperty,?\\s+(?:plant\\s+)?and\\s+equipment\\b", "\\bgoodwill\\b", "\\baccounts\\s+payable\\b", "\\bretained\\s+earnings\\b|\\baccumulated\\s+deficit\\b",
                    "\\b(?:stockholders|shareholders|shareowners)'?\\s+equity\\b|\\btotal\\s+equity\\b"),
            StatementKind.CASH_FLOW, patterns("\\boperating\\s+activities\\b", "\\binvesting\\s+activities\\b", "\\bfinancing\\s+activities\\b", "\\bdepreciation\\b",
                    "\\bnet\\s+cash\\s+(?:provided|used|from|generated)\\b",
                    "\\b(?:purchases?\\s+of|additions\\s+to|payments\\s+for|investments?\\s+in)\\s+property\\b|\\bcapital\\s+expenditures?\\b",
                    "\\bdividends\\s+paid\\b|\\b(?:cash\\s+)?dividends\\b", "\\b(?:beginning|end)\\s+of\\s+(?:the\\s+)?(?:year|period)\\b",
                    "\\b(?:repurchases?|purchases?)\\s+of\\s+(?:common\\s+)?(?:stock|shares)\\b"),
            StatementKind.EQUITY, patterns("\\bbalances?,?\\s+(?:at|as\\s+of)\\b|\\b(?:beginning|ending)\\s+balance\\b", "\\bdividends\\b",
                    "\\b(?:additional\\s+)?paid-in\\s+capital\\b|\\bcommon\\s+stock\\b", "\\bretained\\s+earnings\\b|\\baccumulated\\s+deficit\\b",
                    "\\baccumulated\\s+other\\s+comprehensive\\b", "\\btreasury\\s+stock\\b|\\brepurchases?\\s+of\\b",
                    "\\b(?:stock|share)-based\\s+compensation\\b", "\\bother\\s+comprehensive\\s+(?:income|loss)\\b", "\\bnet\\s+(?:income|earnings|loss)\\b")));

    private StatementTitles() {
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile("(?i)" + r)).toList();
    }

    /** How many of a statement's line items {@code text} mentions. */
    static int items(StatementKind kind, String text) {
        int found = 0;
        for (Pattern item : ITEMS.get(kind)) {
            if (item.matcher(text).find()) {
                found++;
            }
        }
        return found;
    }
}
