import FactoryCLI

FactoryCommand.runAndExit()
