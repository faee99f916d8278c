/// The E-utilities client.
public enum EUtilitiesModule {}
