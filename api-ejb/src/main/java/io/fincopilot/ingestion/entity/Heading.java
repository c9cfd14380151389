package io.fincopilot.ingestion.entity;

/** A section title; {@code level} 1 is the outermost (HTML h1), PDF headings are level 1 or 2. */
public record Heading(int level, String text) implements Block {

    @Override
    public Heading withText(java.util.function.UnaryOperator<String> rewrite) {
        return new Heading(level, rewrite.apply(text));
    }
}
