/// RIS, BibTeX, CSL-JSON, MEDLINE, CSV and Markdown reference lists.
public enum CitationExportModule {}
