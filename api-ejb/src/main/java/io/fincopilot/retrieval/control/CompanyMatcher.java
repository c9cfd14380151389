package io.fincopilot.retrieval.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fincopilot.retrieval.control.QuestionWords.Word;
import io.fincopilot.retrieval.entity.KnownDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds which of the tenant's companies a question names. A document is known by the company its
 * profile reads, the company its file name and title give, and its ticker. A name matches when its
 * telling words appear in order ("Johnson and Johnson", "3M's", "amcor"), also when written as one
 * word ("American Express" and AMERICANEXPRESS). The first word alone matches when it is distinctive
 * and capitalized ("Brightwater" for Brightwater Semiconductor Corporation) unless another capital
 * word follows that is not the company's ("Corvane Logistics" is not Corvane Retail Holdings).
 * Tickers: see {@link Tickers}.
 */
final class CompanyMatcher {

    /** The documents each company matched, the companies by their display name, and names that matched no company. */
    record Result(Map<String, Set<UUID>> companies, List<String> unknown, List<String> notes) {
    }

    private record Known(KnownDocument document, String display, List<List<String>> aliases, String ticker) {
    }

    /** Words after which a name has ended. */
    private static final Set<String> NAME_ENDS = Set.of("in", "for", "during", "at", "as", "from", "on", "by", "to", "and", "or", "over", "between",
            "compared", "versus", "vs", "inc", "corp", "corporation", "company", "plc", "ltd", "llc", "group", "holdings");

    static Result match(String question, List<KnownDocument> documents) {
        List<Word> words = QuestionWords.of(question);
        List<Word> telling = words.stream().filter(w -> !CompanyNames.NOISE.contains(w.lower())).toList();
        boolean shouted = QuestionWords.shouted(question);
        Map<String, Set<UUID>> companies = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        Map<Integer, Set<String>> partial = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<Known> knowns = documents.stream().map(CompanyMatcher::known).filter(java.util.Objects::nonNull).toList();
        Map<Known, Set<Integer>> hits = new LinkedHashMap<>();
        for (Known known : knowns) {
            Set<Integer> hit = new HashSet<>();
            int longest = known.aliases().stream().mapToInt(List::size).max().orElse(0);
            for (List<String> alias : known.aliases()) {
                for (int at : full(alias, telling, shouted)) {
                    // "CORVANE" (a file name) for Corvane Retail Holdings: the words after it must not name another company
                    if (alias.size() < longest && alias.size() == 1 && namesAnother(words, at, known, unknown)) {
                        continue;
                    }
                    hit.add(at);
                }
            }
            hit.addAll(Tickers.match(known.ticker(), words, question, shouted));
            hits.put(known, hit);
            used.addAll(hit);
        }
        // a word that fully names one company is not another's first word ("Halvorsen Instruments" is not Halvorsen Foods)
        Set<Integer> named = new HashSet<>(used);
        for (Known known : knowns) {
            Set<Integer> hit = hits.get(known);
            if (hit.isEmpty()) {
                for (List<String> alias : known.aliases()) {
                    for (int at : firstWord(alias, telling, words, known, named, unknown)) {
                        partial.computeIfAbsent(at, k -> new LinkedHashSet<>()).add(known.display());
                        hit.add(at);
                    }
                }
            }
            if (!hit.isEmpty()) {
                used.addAll(hit);
                companies.computeIfAbsent(known.display(), k -> new LinkedHashSet<>()).add(known.document().id());
            }
        }
        List<String> notes = new ArrayList<>();
        partial.forEach((at, names) -> {
            if (names.size() > 1) {
                notes.add("'" + words.get(at).text() + "' may mean " + String.join(" or ", names) + "; all of them were searched");
            }
        });
        Set<String> names = new LinkedHashSet<>(unknown);
        names.removeIf(name -> !UnknownCompanies.isName(name, words, used));
        names.addAll(UnknownCompanies.find(words, used, shouted));
        return new Result(companies, List.copyOf(names), notes);
    }

    /** What a document's profile, title and file name say of its company, read once per distinct reading. */
    private record Name(String display, List<List<String>> aliases, String ticker) {
    }

    private record NameKey(String company, String ticker, String title, String fileName) {
    }

    /** Parsing every document's names again for every question cost a search at 100k chunks a third of its time. */
    private static final Cache<NameKey, Optional<Name>> NAMES = Caffeine.newBuilder().maximumSize(100_000).build();

    private static Known known(KnownDocument document) {
        return NAMES.get(new NameKey(document.profile().company(), document.profile().ticker(), document.title(),
                document.fileName()), k -> Optional.ofNullable(name(document)))
                .map(name -> new Known(document, name.display(), name.aliases(), name.ticker())).orElse(null);
    }

    private static Name name(KnownDocument document) {
        FileNameSignals file = FileNameSignals.parse(document.fileName());
        FileNameSignals title = FileNameSignals.parse(document.title());
        List<List<String>> aliases = new ArrayList<>();
        for (String name : new String[] {document.profile().company(), file.company(), title.company()}) {
            List<String> core = CompanyNames.core(name);
            if (!core.isEmpty() && !aliases.contains(core)) {
                aliases.add(core);
            }
        }
        String ticker = document.profile().ticker() != null ? document.profile().ticker() : file.ticker();
        if (aliases.isEmpty() && ticker == null) {
            return null;
        }
        String display = document.profile().company() != null ? document.profile().company() : file.company() != null ? file.company()
                : title.company() != null ? title.company() : ticker;
        return new Name(display.strip(), List.copyOf(aliases), ticker);
    }

    /** Word indexes where the whole name appears, word by word or squashed into fewer words. */
    private static Set<Integer> full(List<String> alias, List<Word> telling, boolean shouted) {
        Set<Integer> hit = new HashSet<>();
        String squashed = CompanyNames.squash(alias);
        for (int i = 0; i < telling.size(); i++) {
            for (int n = 1; n <= 4 && i + n <= telling.size(); n++) {
                List<Word> window = telling.subList(i, i + n);
                boolean same = n == alias.size() && window.stream().map(Word::lower).toList().equals(alias);
                boolean joined = squashed.length() >= 4 && CompanyNames.squash(window.stream().map(Word::lower).toList()).equals(squashed);
                if ((same || joined) && (n > 1 || alias.size() > 1 || distinctive(window.get(0), shouted))) {
                    window.forEach(w -> hit.add(w.index()));
                }
            }
        }
        return hit;
    }

    /** A one-word name: an ordinary word ("Target", "Block") must be capitalized and not merely open the question. */
    private static boolean distinctive(Word word, boolean shouted) {
        if (word.lower().chars().anyMatch(Character::isDigit)) {
            return true;
        }
        if (!CompanyNames.GENERIC.contains(word.lower()) && word.lower().length() >= 3) {
            return true;
        }
        return !shouted && word.capitalized() && (word.index() > 0 || word.possessive());
    }

    /** The name's distinctive first word, capitalized ("Brightwater" for Brightwater Semiconductor), unless another company's name follows. */
    private static List<Integer> firstWord(List<String> alias, List<Word> telling, List<Word> words, Known known, Set<Integer> named, List<String> unknown) {
        List<Integer> hit = new ArrayList<>();
        String first = alias.get(0);
        if (alias.size() < 2 || CompanyNames.GENERIC.contains(first) || first.length() < 4) {
            return hit;
        }
        for (Word word : telling) {
            if (word.lower().equals(first) && word.capitalized() && !named.contains(word.index()) && !namesAnother(words, word.index(), known, unknown)) {
                hit.add(word.index());
            }
        }
        return hit;
    }

    /**
     * Whether capitals that are not the company's follow its word and end the way a name ends: in a
     * possessive, a legal form, the question's end, a figure or a preposition ("Corvane Logistics'
     * assets", "for Corvane Logistics in 2023"), not in a descriptive noun ("Brightwater Data Center
     * segment"). Such a name is recorded in {@code unknown}.
     */
    private static boolean namesAnother(List<Word> words, int at, Known known, List<String> unknown) {
        if (words.get(at).possessive()) {
            return false;
        }
        Set<String> own = new HashSet<>();
        known.aliases().forEach(own::addAll);
        boolean foreign = false;
        int i = at + 1;
        for (; i < words.size(); i++) {
            Word w = words.get(i);
            if (!w.capitalized() || !w.alphabetic() || QuestionWords.NOT_NAMES.contains(w.lower())) {
                break;
            }
            foreign |= !own.contains(w.lower()) && !CompanyNames.NOISE.contains(w.lower());
            if (w.possessive()) {
                i++;
                break;
            }
        }
        boolean ends = i >= words.size() || words.get(i - 1).possessive() || !words.get(i).alphabetic() || NAME_ENDS.contains(words.get(i).lower());
        if (foreign && ends) {
            unknown.add(UnknownCompanies.run(words, at));
            return true;
        }
        return false;
    }
}
