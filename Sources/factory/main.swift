import CProcessMemory
import FactoryCLI

process_memory_prepare()
FactoryCommand.runAndExit()
