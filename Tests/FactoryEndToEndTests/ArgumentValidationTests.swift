import Foundation
import PlannerKit
import Testing

/// Bad arguments and configuration values are refused for what they are: a negative number is a
/// value (not a missing one), and only plain decimals are numbers.
@Suite struct ArgumentValidationTests {
    @Test(arguments: [
        (["rank", "--limit", "-5"], "--limit must be at least 1, not -5."),
        (["rank", "--limit=-5"], "--limit must be at least 1, not -5."),
        (["plan", "--portfolio", "-2", "--capabilities", "grid"], "--portfolio must be from 1 to 64, not -2."),
        (["select", "--repeat", "-1"], "--repeat must be from 1 to 10000000, not -1."),
        (["telemetry", "--recent", "-1"], "--recent must not be negative."),
        (["list", "--min-match", "-0.5"], #"--min-match="-0.5" is not valid: expected a number from 0 to 1 in plain decimals"#),
        (["list", "--sandbox-timeout", "-1"], #"--sandbox-timeout="-1" is not valid"#),
        (["list", "--sandbox-timeout", "0x10"], #"--sandbox-timeout="0x10" is not valid: expected a number of seconds from 0.01 to 3600"#),
        (["list", "--max-workers", "+4"], #"--max-workers="+4" is not valid"#),
        (["plan", "grid-astar"], "plan needs an objective: --objective TEXT, --param key=value, or a PDDL task (--domain and --problem)."),
        (["plan", "grid-astar", "--objective", "route from 0,0 to 1,1", "--config", #"{"a": 1, "a": 2}"#],
         #"--config is not valid JSON: the key "a" appears twice in one object"#),
    ])
    func aBadNumberIsNamedForWhatItIs(arguments: [String], expected: String) throws {
        let result = try FactoryBinary.run(arguments + ["--no-probe"])
        #expect(result.status == 1)
        #expect(result.standardError.contains(expected), "stderr: \(result.standardError)")
        #expect(!result.standardError.contains("Missing value"))
    }

    @Test(arguments: [
        ("FACTORY_SANDBOX_TIMEOUT", "0x10"), ("FACTORY_SANDBOX_TIMEOUT", "1e-300"), ("FACTORY_MIN_MATCH", "0x0.8p0"),
        ("FACTORY_SANDBOX_TIMEOUT", "0.001"),
    ])
    func aConfigurationValueThatIsNotAPlainDecimalIsRefused(key: String, value: String) throws {
        let result = try FactoryBinary.run(["config"], environment: [key: value])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: \(key)=\"\(value)\" is not valid: expected"), "stderr: \(result.standardError)")
    }

    @Test func aPlainDecimalIsShownAsGiven() throws {
        let result = try FactoryBinary.run(["config", "--json"], environment: ["FACTORY_SANDBOX_TIMEOUT": "0.25", "FACTORY_MIN_MATCH": ".5"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try result.json()
        #expect(json["FACTORY_SANDBOX_TIMEOUT"]?["value"] == 0.25)
        #expect(json["FACTORY_MIN_MATCH"]?["value"] == 0.5)
    }
}
