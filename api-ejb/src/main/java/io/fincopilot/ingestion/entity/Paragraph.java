package io.fincopilot.ingestion.entity;

/** Running text. */
public record Paragraph(String text) implements Block {

    @Override
    public Paragraph withText(java.util.function.UnaryOperator<String> rewrite) {
        return new Paragraph(rewrite.apply(text));
    }
}
