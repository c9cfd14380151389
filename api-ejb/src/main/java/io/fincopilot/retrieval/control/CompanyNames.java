package io.fincopilot.retrieval.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Company names reduced to the words that tell companies apart: lower case, legal forms and joining
 * words dropped ("Johnson & Johnson" and "JOHNSON_JOHNSON" are both [johnson, johnson], "3M Company"
 * is [3m], "Amcor plc" is [amcor]), and squashed for names written as one word ("AMERICANEXPRESS").
 */
final class CompanyNames {

    /** Legal forms and joining words: never what tells one company from another. */
    static final Set<String> NOISE = Set.of("inc", "incorporated", "corp", "corporation", "company", "co", "cos", "companies", "plc", "ltd", "limited",
            "group", "holdings", "holding", "llc", "lp", "l", "p", "sa", "nv", "ag", "se", "spa", "the", "and", "of", "&");
    /**
     * Words that begin many names but are ordinary English: alone they name no company ("general" is
     * not General Mills), and a one-word name made of one ("Block", "Target", "Apple") needs a capital.
     */
    static final Set<String> GENERIC = Set.of("general", "american", "united", "first", "national", "international", "advanced", "global", "new", "best", "southern", "northern",
            "western", "eastern", "pacific", "atlantic", "central", "royal", "standard", "universal", "capital", "energy", "financial", "health",
            "bank", "mills", "motors", "electric", "foods", "airlines", "data", "systems", "micro", "devices", "instruments", "medical", "software",
            "retail", "industries", "technologies", "services", "solutions", "communications", "resources", "brands", "partners", "trust",
            "insurance", "water", "works", "power", "gas", "oil", "steel", "express", "home", "dollar", "tree", "delta", "alpha", "meta", "block",
            "target", "apple", "visa", "shell", "oracle", "ball", "crown", "corning", "public", "life", "real", "estate", "net", "cash", "sales",
            "income", "revenue", "operating", "total", "gross", "free", "the", "north", "south", "east", "west", "great", "big", "one", "digital",
            "semiconductor", "entertainment", "resorts", "beauty", "care", "pharmaceuticals", "therapeutics", "labs", "laboratories", "motor",
            "auto");

    private CompanyNames() {
    }

    /** The telling words of a name, in order. */
    static List<String> core(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        for (String word : name.toLowerCase(Locale.ROOT).replaceAll("['\u2019]s\\b", "").split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !NOISE.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    static String squash(List<String> core) {
        return String.join("", core);
    }
}
