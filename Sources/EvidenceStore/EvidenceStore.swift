/// The store: schema, migrations, ingest, query language and search.
public enum EvidenceStoreModule {}
