import ArgumentParser

/// `--index PATH`: the database every command reads or writes.
public struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index database.", valueName: "path"))
    public var index: String = "Index/evidence.sqlite"

    public init() {}
}
