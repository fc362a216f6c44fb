#!/usr/bin/env python3
"""Compares grid-astar-py (this bundle's planner.py, driven over protocol v1) with the builtin
Swift grid-astar (through the built CLI, `factory plan grid-astar --json`) on the maps of
Tests/ExamplePlannersTests/GridRoutePlannerTests.swift, random maps made with the tests' seeds
and generator included, and on bad objectives. Plans must agree step for step (steps, cost,
stats), errors by message.

    examples/plugins/grid-astar-py/check_against_swift.py [--factory PATH] [--verbose]

The factory defaults to .build/debug/factory of the repository; nothing is built. Exits 1 on a
difference.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
MASK = (1 << 64) - 1

DEFAULT_MAP = None  # objective without a map parameter
GREEDY_TRAP = "\n".join([".........", ".#######.", ".#.....#.", ".#.###.#.", "...#.#.#.", ".###.#.#.", ".......#."])


class SeededGenerator:
    """Tests/PlannerTestSupport/SeededGenerator.swift (SplitMix64)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def random_below(self, bound):
        """Swift's `Int.random(in: 0..<bound, using:)`: Lemire's nearly divisionless method."""
        m = self.next() * bound
        if (m & MASK) < bound:
            t = ((1 << 64) - bound) % bound
            while (m & MASK) < t:
                m = self.next() * bound
        return m >> 64


def random_case(seed):
    """The map, start and goal of GridRoutePlannerTests.checkRandomMap(seed:)."""
    generator = SeededGenerator(seed)
    rows = [["#" if generator.random_below(3) == 0 else "." for _ in range(9)] for _ in range(7)]
    start = (generator.random_below(9), generator.random_below(7))
    goal = (generator.random_below(9), generator.random_below(7))
    rows[start[1]][start[0]] = "."
    rows[goal[1]][goal[0]] = "."
    return "/".join("".join(row) for row in rows), start, goal


def route(start, goal):
    return "route from %d,%d to %d,%d" % (start + goal)


def cases():
    """(label, text, parameters, configuration)."""
    yield "default map", "route from 0,0 to 7,3", {}, {}
    yield "greedy trap", "route from 0,4 to 4,4", {"map": GREEDY_TRAP}, {}
    for seed in range(1, 25):
        text_map, start, goal = random_case(seed)
        yield "random seed %d" % seed, route(start, goal), {"map": text_map}, {}
    for seed in range(101, 113):
        text_map, start, goal = random_case(seed)
        yield "random seed %d diagonal" % seed, route(start, goal), {"map": text_map}, {"diagonal": True}
    yield "open diagonal", "route from 0,0 to 3,2", {"map": "..../..../...."}, {"diagonal": True}
    yield "walled diagonal", "route from 0,0 to 3,2", {"map": "..../.#../...."}, {"diagonal": True}
    yield "both parameters", "route from 0,0 to 1,1", {"map": "...../...../.....", "from": "(4, 2)", "to": "0,0"}, {}
    yield "from parameter", "route from 0,0 to 1,1", {"map": "...../...../.....", "from": "4,0"}, {}
    for text in ["route from 0,0 to 3,1", "navigate to (3, 1) from (0, 0).", "go from 0, 0 along the wall to 3,1"]:
        yield "text %r" % text, text, {"map": "....\n.##.\n"}, {}
    yield "route to the start", "route from 3,2 to 3,2", {}, {}
    yield "two cells", "route from 1,1 to 0,0", {"map": "../.."}, {}
    # Errors.
    yield "unreachable", "route from 0,0 to 1,1", {"map": ".#/#."}, {}
    yield "unreachable diagonal", "route from 0,0 to 1,1", {"map": ".#/#."}, {"diagonal": True}
    yield "goal off the map", "route from 0,0 to 7,3", {"map": ".#/#."}, {}
    yield "start is a wall", "route from 1,1 to 0,0", {}, {}
    yield "no start", "go to 1,1", {}, {}
    yield "no goal", "from 1,1 onwards", {}, {}
    yield "bad from parameter", "route from 0,0 to 1,1", {"from": "east"}, {}
    yield "ragged map", "route from 0,0 to 1,0", {"map": "../..."}, {}
    yield "bad cell", "route from 0,0 to 1,0", {"map": "..x/..."}, {}
    yield "empty map", "route from 0,0 to 1,0", {"map": " / /"}, {}
    yield "negative", "route from -1,0 to 1,0", {}, {}
    yield "huge number", "route from 99999999999999999999,0 to 1,0 from 2,0", {}, {}
    yield "crlf rows", "route from 0,0 to 2,1", {"map": "...\r\n#..\r\n"}, {}
    yield "big open map", "route from 0,0 to 39,29", {"map": "/".join(["." * 40] * 30)}, {}
    yield "big open map diagonal", "route from 0,0 to 39,29", {"map": "/".join(["." * 40] * 30)}, {"diagonal": True}


def swift_answer(factory, plugin_path, state_dir, text, parameters, configuration):
    command = [factory, "plan", "grid-astar", "--plugin-path", plugin_path, "--state-dir", state_dir,
               "--objective", text, "--json"]
    for key, value in parameters.items():
        command += ["--param", "%s=%s" % (key, value)]
    if configuration:
        command += ["--config", json.dumps(configuration)]
    result = subprocess.run(command, capture_output=True, text=True)
    answer = json.loads(result.stdout)
    if "error" in answer:
        message = answer["error"]["message"]
        prefix = 'Planner "grid-astar" could not plan for "%s": ' % text
        return "error", message[len(prefix):] if message.startswith(prefix) else message
    return "plan", answer


class Worker:
    def __init__(self):
        self.process = subprocess.Popen([os.path.join(HERE, "planner.py")], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        handshake = json.loads(self.process.stdout.readline())
        assert handshake["protocol"] == "planner-factory" and handshake["version"] == 1, handshake
        self.next_id = 0
        self.instances = {}

    def call(self, call, body, instance=None):
        self.next_id += 1
        request = {"id": self.next_id, "call": call, "body": body}
        if instance is not None:
            request["instance"] = instance
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        response = json.loads(self.process.stdout.readline())
        assert response["id"] == self.next_id, response
        return response

    def plan(self, text, parameters, configuration):
        key = json.dumps(configuration, sort_keys=True)
        if key not in self.instances:
            self.instances[key] = self.call("create", configuration)["result"]["instance"]
        response = self.call("plan", {"text": text, "parameters": parameters}, self.instances[key])
        if "error" in response:
            return "error", response["error"]["message"], response["error"]["code"]
        return "plan", response["result"], None

    def close(self):
        self.process.stdin.close()
        return self.process.wait(timeout=10)


def expected_code(message):
    if message.startswith("No route from"):
        return "unsolvable"
    return "invalid-objective"


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--factory", default=os.path.join(ROOT, ".build", "debug", "factory"))
    options.add_argument("--verbose", action="store_true")
    arguments = options.parse_args()
    if not os.access(arguments.factory, os.X_OK):
        sys.exit("no factory CLI at %s (build it, or pass --factory)" % arguments.factory)
    worker = Worker()
    differences = 0
    with tempfile.TemporaryDirectory() as plugin_path, tempfile.TemporaryDirectory() as state_dir:
        for label, text, parameters, configuration in cases():
            swift = swift_answer(arguments.factory, plugin_path, state_dir, text, parameters, configuration)
            kind, python, code = worker.plan(text, parameters, configuration)
            if swift[0] == "plan" and kind == "plan":
                python = dict(python, planner="grid-astar")
                same = python == swift[1]
                shown = "cost %s, %s expanded" % (swift[1]["cost"], swift[1]["stats"]["expanded"])
            elif swift[0] == "error" and kind == "error":
                same = python == swift[1] and code == expected_code(swift[1])
                shown = "%s: %s" % (code, python)
            else:
                same, shown = False, "swift %s, python %s" % (swift[0], kind)
            differences += not same
            if arguments.verbose or not same:
                print("%-5s %-28s %s" % ("same" if same else "DIFF", label, shown))
                if not same:
                    print("      swift:  %s\n      python: %s" % (swift[1], python))
    status = worker.close()
    print("%d cases, %d differences; worker exit status %d" % (sum(1 for _ in cases()), differences, status))
    sys.exit(1 if differences or status else 0)


if __name__ == "__main__":
    main()
