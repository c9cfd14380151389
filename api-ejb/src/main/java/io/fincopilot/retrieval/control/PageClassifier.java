package io.fincopilot.retrieval.control;

import io.fincopilot.ingestion.entity.Block;
import io.fincopilot.ingestion.entity.Heading;
import io.fincopilot.ingestion.entity.Page;
import io.fincopilot.ingestion.entity.TableRow;
import io.fincopilot.retrieval.entity.PageKind;
import io.fincopilot.retrieval.entity.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page of a filing holds. A primary statement needs its title near the top of the page,
 * standing as a title (not inside a sentence such as "the accompanying consolidated balance sheets",
 * not followed by a page number as in a contents list), and several of its line items with a table's
 * worth of figures: an MD&A page that quotes a statement, an auditor's report that names them all,
 * an index listing them and a note with a segment table are not statements. Covers, contents and
 * notes are told by their own marks; a page that continues the notes without a heading of its own
 * is a note if the page before it was ({@link #classify(List)}).
 */
public final class PageClassifier {

    /** How much of a page's start a title may sit in: running headers ("Table of Contents", the company) come first. */
    private static final int TOP = 700;
    private static final int MIN_ITEMS = 3;
    private static final int MIN_FIGURES = 12;
    private static final Pattern FIGURE = Pattern.compile("(?<![\\w.])\\(?\\$?\\s?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\)?|(?<![\\w.,])\\(?\\d+\\.\\d{2}\\)?(?![\\w%])"
            + "|(?<![\\w.,$])\\d{2,3}(?![\\w.,%])");
    /** Words a title inside a sentence follows. */
    private static final Pattern SENTENCE_BEFORE = Pattern.compile("(?i)(?:\\b(?:the|our|its|their|see|these|those|accompanying|related|in|of|to|on|from|with|"
            + "and|following|audited|consolidated\\s+and|condensed\\s+and|also|each|within|into)|[,;])\\s*$");
    /** What may follow a title on its line: nothing, the period, the unit, "(Unaudited)", "(Continued)", "and Subsidiaries". */
    private static final Pattern AFTER_TITLE = Pattern.compile("(?i)^\\s*(?:$|[(\\-|:]|and\\s+subsidiaries|of\\s+\\p{Lu}|\\d|(?:for\\s+the\\s+)?(?:fiscal\\s+)?"
            + "(?:years?|quarters?|periods?|three|six|nine|twelve|thirteen|fifty|months|weeks)\\b|as\\s+of\\b|at\\s|(?:in\\s+)?(?:millions|thousands|billions)\\b"
            + "|unaudited|continued|" + FilingDates.monthPattern() + ")");
    private static final Pattern COMPANY_AFTER = Pattern.compile("^\\s*\\p{Lu}[\\p{L}&.,' -]{1,60}?\\b(?:INC|Inc|CORP|Corp|CORPORATION|Corporation|COMPANY|Company|PLC|plc|LTD|Ltd)\\b");
    private static final Pattern NOTE_BEFORE = Pattern.compile("(?i)\\bnote\\s+\\d");
    private static final Pattern PAGE_NUMBER_AFTER = Pattern.compile("^\\s*(?:\\.\\s*)*\\d{1,3}(?![\\d,.])(?!\\s*(?:,|and)\\s*\\d)");
    /** Marks of an SEC cover; two different ones make a cover. The form line is in capitals there ("FORM 10-K"), unlike references to it. */
    private static final List<Pattern> COVER = List.of(Pattern.compile("(?i)securities\\s+and\\s+exchange\\s+commission"),
            Pattern.compile("(?i)washington,\\s*d\\.?\\s*c\\.?\\s*20549"), Pattern.compile("\\bFORM\\s+(?:10-[KQ]|8-K|20-F)\\b"),
            Pattern.compile("(?i)exact\\s+name\\s+of\\s+registrant"), Pattern.compile("(?i)commission\\s+file\\s+(?:number|no)"),
            Pattern.compile("(?i)trading\\s+symbol"), Pattern.compile("(?i)i\\.?\\s?r\\.?\\s?s\\.?\\s+employer"));
    private static final Pattern COVER_CONTINUED = Pattern.compile("(?i)large\\s+accelerated\\s+filer.*(?:shell\\s+company|aggregate\\s+market\\s+value)");
    private static final Pattern CONTENTS_ITEM = Pattern.compile("(?i)\\bitem\\s+(\\d{1,2}[a-c]?)\\.?\\s+[A-Za-z][^|]{2,140}?\\s(?:\\d{1,3})(?![\\d,.%])");
    private static final Pattern CONTENTS_WORD = Pattern.compile("(?i)\\b(?:table\\s+of\\s+contents|contents|index\\s+to\\s+(?:the\\s+)?(?:consolidated\\s+)?financial"
            + "\\s+statements|index)\\b");
    private static final Pattern NOTES_TITLE = Pattern.compile("(?i)notes\\s+to\\s+(?:the\\s+)?(?:unaudited\\s+)?(?:condensed\\s+)?(?:consolidated\\s+)?(?:financial\\s+statements|"
            + "statements)");
    private static final Pattern NOTE_HEADING = Pattern.compile("(?i)^\\s*note\\s+\\d{1,2}[a-z]?\\b");
    private static final Pattern NOTES_END = Pattern.compile("(?i)^\\s*(?:item\\s+\\d|part\\s+i|signatures|exhibit|report\\s+of\\s+independent|schedule\\s+ii)");

    public PageKind classify(Page page) {
        String text = FilingText.normalize(page.text());
        if (isCover(page, text)) {
            return PageKind.COVER;
        }
        if (isContents(text)) {
            return PageKind.CONTENTS;
        }
        StatementKind titled = title(page);
        if (titled != null && StatementTitles.items(titled, text) >= MIN_ITEMS && figures(text) >= MIN_FIGURES) {
            return titled.pageKind();
        }
        return titled == null && isNotes(page) ? PageKind.NOTES : PageKind.OTHER;
    }

    /** Every page, with notes carried over pages that continue them. */
    public List<PageKind> classify(List<Page> pages) {
        List<PageKind> kinds = new ArrayList<>();
        for (Page page : pages) {
            PageKind kind = classify(page);
            if (kind == PageKind.OTHER && !kinds.isEmpty() && kinds.get(kinds.size() - 1) == PageKind.NOTES && continuesNotes(page)) {
                kind = PageKind.NOTES;
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static boolean isCover(Page page, String text) {
        long marks = COVER.stream().filter(mark -> mark.matcher(text).find()).count();
        return marks >= 2 || COVER_CONTINUED.matcher(text).find()
                || page.number() == 1 && text.length() < 600 && text.toLowerCase().contains("annual report");
    }

    /** A list of items or statements with page numbers: four items, or three statement titles each followed by a number. */
    private static boolean isContents(String text) {
        java.util.Set<String> items = new java.util.HashSet<>();
        for (Matcher m = CONTENTS_ITEM.matcher(text); m.find();) {
            items.add(m.group(1).toLowerCase());
        }
        if (items.size() >= 4) {
            return true;
        }
        int listed = 0;
        for (Pattern title : StatementTitles.TITLES.values()) {
            for (Matcher m = title.matcher(text); m.find();) {
                if (PAGE_NUMBER_AFTER.matcher(text.substring(m.end())).find()) {
                    listed++;
                    break;
                }
            }
        }
        return listed >= 3 || listed >= 2 && CONTENTS_WORD.matcher(text).find();
    }

    /** The statement whose title stands as a title in the first blocks of the page, or null. */
    static StatementKind title(Page page) {
        int seen = 0;
        for (Block block : page.blocks()) {
            if (seen > TOP) {
                break;
            }
            String text = FilingText.normalize(block instanceof TableRow row ? row.text() : block.text());
            String head = text.length() > 200 ? text.substring(0, 200) : text;
            for (StatementKind kind : new StatementKind[] {StatementKind.INCOME, StatementKind.BALANCE_SHEET, StatementKind.CASH_FLOW, StatementKind.EQUITY}) {
                Matcher m = StatementTitles.TITLES.get(kind).matcher(head);
                while (m.find()) {
                    if (standsAsTitle(head, m)) {
                        return kind;
                    }
                }
            }
            seen += text.length();
        }
        return null;
    }

    private static boolean standsAsTitle(String text, Matcher m) {
        String before = text.substring(0, m.start()).replaceAll("(?i)(?:\\b(?:consolidated|condensed|combined|unaudited)\\s*)+$", "");
        String after = text.substring(m.end());
        return before.length() <= 120 && !SENTENCE_BEFORE.matcher(before).find() && !PAGE_NUMBER_AFTER.matcher(after).find()
                && !before.matches("(?i).*\\b(?:we|this|that|which|is|are|was|were|have|has)\\b.*") && !NOTE_BEFORE.matcher(before).find()
                && (AFTER_TITLE.matcher(after).find() || COMPANY_AFTER.matcher(after).find());
    }

    private static boolean isNotes(Page page) {
        int seen = 0;
        for (Block block : page.blocks()) {
            String text = FilingText.normalize(block.text());
            if (seen < TOP && NOTES_TITLE.matcher(text).find() && !text.matches("(?i).*\\b(?:see|accompanying|the\\s+accompanying|integral)\\b.*")) {
                return true;
            }
            if (NOTE_HEADING.matcher(text).find() && (block instanceof Heading || text.length() < 120)) {
                return true;
            }
            seen += text.length();
        }
        return false;
    }

    /** A page after a note that starts no new part of the filing. */
    private static boolean continuesNotes(Page page) {
        for (Block block : page.blocks()) {
            String text = FilingText.normalize(block.text());
            if ((block instanceof Heading || text.length() < 100) && NOTES_END.matcher(text).find()) {
                return false;
            }
        }
        return page.hasText();
    }

    private static int figures(String text) {
        int count = 0;
        for (Matcher m = FIGURE.matcher(text); m.find();) {
            count++;
        }
        return count;
    }
}
