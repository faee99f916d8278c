import EvidenceCommands

EvidenceCommand.main()
