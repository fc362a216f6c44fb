#!/usr/bin/env python3
"""Problem generator for PlannerFactory's own PDDL domains (examples/pddl/<domain>/domain.pddl).

Python 3 standard library only, deterministic: the same arguments and --seed give the same file,
byte for byte, on every machine and Python version (it uses random.Random(seed) and nothing else).

  generate.py blocks 12 --seed 3                       # 12 blocks, random towers to random towers
  generate.py gripper 20 --rooms 3 --seed 1            # 20 balls spread over 3 rooms
  generate.py logistics 8 --cities 3 --locations 3 --airplanes 1 --seed 2
  generate.py elevator 10 --floors 12 --seed 1         # 10 passengers, negative preconditions
  generate.py briefcase 6 --locations 5 --seed 1       # conditional effects with forall
  generate.py travel-costs 3 --places 12 --seed 1      # action costs
  generate.py either-transport 5 --places 8 --seed 1   # `either` types
  generate.py blocks 12 --seed 3 -o /tmp/p.pddl        # write a file instead of standard output
  generate.py --committed                              # rewrite the generated files committed here

The first number is always the number of things to move (blocks, balls, packages, passengers,
items, persons, cargo). Every generated problem is solvable.
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _wrap(atoms, indent, width=96):
    """Atoms joined by spaces, wrapped at `width` columns, continuation lines indented."""
    lines, line = [], ""
    for atom in atoms:
        if line and len(indent) + len(line) + 1 + len(atom) > width:
            lines.append(line)
            line = atom
        else:
            line = f"{line} {atom}" if line else atom
    if line:
        lines.append(line)
    return ("\n" + indent).join(lines)


def problem(name, domain, objects, init, goal, comment, metric=False):
    """The text of a PDDL problem. objects: list of (names, type or None)."""
    object_lines = []
    for names, type_name in objects:
        if not names:
            continue
        text = _wrap(list(names), "            ")
        object_lines.append(f"{text} - {type_name}" if type_name else text)
    out = [f";; {comment}", f"(define (problem {name})", f"  (:domain {domain})"]
    if object_lines:
        out.append("  (:objects " + "\n            ".join(object_lines) + ")")
    out.append("  (:init " + _wrap(init, "         ") + ")")
    if len(goal) == 1:
        out.append(f"  (:goal {goal[0]})")
    else:
        out.append("  (:goal (and " + _wrap(goal, "              ") + "))")
    if metric:
        out.append("  (:metric minimize (total-cost))")
    return "\n".join(out) + ")\n"


def _towers(rng, blocks):
    """A random arrangement: a list of towers, each a list from bottom to top."""
    towers = []
    for block in rng.sample(blocks, len(blocks)):
        if towers and rng.random() < 0.7:
            rng.choice(towers).append(block)
        else:
            towers.append([block])
    return towers


def blocks(n, seed, name=None):
    rng = random.Random(seed)
    names = [f"b{i}" for i in range(1, n + 1)]
    start, end = _towers(rng, names), _towers(rng, names)
    init = ["(handempty)"]
    for tower in start:
        init.append(f"(ontable {tower[0]})")
        init += [f"(on {upper} {lower})" for lower, upper in zip(tower, tower[1:])]
        init.append(f"(clear {tower[-1]})")
    goal = []
    for tower in end:
        goal += [f"(on {upper} {lower})" for lower, upper in zip(tower, tower[1:])]
        if len(tower) == 1 or rng.random() < 0.5:
            goal.append(f"(ontable {tower[0]})")
    return problem(name or f"blocks-{n}-s{seed}", "blocks", [(names, None)], init, goal,
                   f"generate.py blocks {n} --seed {seed}")


def gripper(n, seed, rooms=2, grippers=2, name=None):
    rng = random.Random(seed)
    room_names = [f"room{i}" for i in range(1, rooms + 1)]
    balls = [f"ball{i}" for i in range(1, n + 1)]
    hands = ["left", "right", "third", "fourth"][:grippers] if grippers <= 4 else [f"g{i}" for i in range(grippers)]
    init = [f"(at-robby {rng.choice(room_names)})"] + [f"(free {g})" for g in hands]
    goal = []
    for ball in balls:
        start = rng.choice(room_names)
        init.append(f"(at {ball} {start})")
        goal.append(f"(at {ball} {rng.choice([r for r in room_names if r != start])})")
    return problem(name or f"gripper-{n}-s{seed}", "gripper",
                   [(room_names, "room"), (balls, "ball"), (hands, "gripper")], init, goal,
                   f"generate.py gripper {n} --rooms {rooms} --grippers {grippers} --seed {seed}")


def logistics(n, seed, cities=3, locations=3, airplanes=1, name=None):
    rng = random.Random(seed)
    city_names = [f"city{c}" for c in range(1, cities + 1)]
    airports = [f"airport{c}" for c in range(1, cities + 1)]
    places = {c: [f"airport{c}"] + [f"loc{c}-{l}" for l in range(1, locations)] for c in range(1, cities + 1)}
    plain = [p for c in places for p in places[c][1:]]
    trucks = [f"truck{c}" for c in range(1, cities + 1)]
    planes = [f"plane{a}" for a in range(1, airplanes + 1)]
    packages = [f"pkg{i}" for i in range(1, n + 1)]
    everywhere = [p for c in places for p in places[c]]
    init = []
    for c in range(1, cities + 1):
        init += [f"(in-city {p} city{c})" for p in places[c]]
        init.append(f"(at truck{c} {rng.choice(places[c])})")
    init += [f"(at {plane} {rng.choice(airports)})" for plane in planes]
    goal = []
    for pkg in packages:
        start = rng.choice(everywhere)
        init.append(f"(at {pkg} {start})")
        goal.append(f"(at {pkg} {rng.choice([p for p in everywhere if p != start])})")
    return problem(name or f"logistics-{n}-s{seed}", "logistics",
                   [(city_names, "city"), (airports, "airport"), (plain, "place"), (trucks, "truck"),
                    (planes, "airplane"), (packages, "package")], init, goal,
                   f"generate.py logistics {n} --cities {cities} --locations {locations} "
                   f"--airplanes {airplanes} --seed {seed}")


def elevator(n, seed, floors=8, name=None):
    rng = random.Random(seed)
    floor_names = [f"f{i}" for i in range(floors)]
    passengers = [f"p{i}" for i in range(1, n + 1)]
    init = [f"(lift-at {rng.choice(floor_names)})"]
    init += [f"(above {floor_names[i]} {floor_names[j]})" for i in range(floors) for j in range(i + 1, floors)]
    goal = []
    for p in passengers:
        origin, destination = rng.sample(floor_names, 2)
        init += [f"(origin {p} {origin})", f"(destin {p} {destination})"]
        goal.append(f"(served {p})")
    return problem(name or f"elevator-{n}-s{seed}", "elevator",
                   [(floor_names, "floor"), (passengers, "passenger")], init, goal,
                   f"generate.py elevator {n} --floors {floors} --seed {seed}")


def briefcase(n, seed, locations=4, name=None):
    rng = random.Random(seed)
    location_names = [f"l{i}" for i in range(1, locations + 1)]
    items = [f"item{i}" for i in range(1, n + 1)]
    home = rng.choice(location_names)
    init = [f"(case-at {home})"]
    goal = []
    for item in items:
        start = rng.choice(location_names)
        init.append(f"(at {item} {start})")
        goal.append(f"(at {item} {rng.choice([l for l in location_names if l != start])})")
    goal.append(f"(case-at {home})")
    return problem(name or f"briefcase-{n}-s{seed}", "briefcase",
                   [(location_names, "location"), (items, "item")], init, goal,
                   f"generate.py briefcase {n} --locations {locations} --seed {seed}")


def travel_costs(n, seed, places=10, name=None):
    rng = random.Random(seed)
    place_names = [f"s{i}" for i in range(1, places + 1)]
    persons = [f"person{i}" for i in range(1, n + 1)]
    init = []
    paths = set()
    for a, b in zip(place_names, place_names[1:]):  # a walking line keeps every place reachable
        paths |= {(a, b), (b, a)}
    for _ in range(places // 3):
        a, b = rng.sample(place_names, 2)
        paths |= {(a, b), (b, a)}
    init += [f"(path {a} {b})" for a, b in sorted(paths, key=lambda e: (place_names.index(e[0]), place_names.index(e[1])))]
    stops = sorted(rng.sample(place_names, max(2, places // 3)), key=place_names.index)
    for a, b in zip(stops, stops[1:]):
        init += [f"(bus-route {a} {b})", f"(bus-route {b} {a})"]
    goal = []
    for person in persons:
        start, end = rng.sample(place_names, 2)
        init.append(f"(at {person} {start})")
        goal.append(f"(at {person} {end})")
    init.append("(= (total-cost) 0)")
    return problem(name or f"travel-costs-{n}-s{seed}", "travel-costs",
                   [(place_names, "place"), (persons, "person")], init, goal,
                   f"generate.py travel-costs {n} --places {places} --seed {seed}", metric=True)


def either_transport(n, seed, places=6, cars=1, boats=1, name=None):
    rng = random.Random(seed)
    place_names = [f"x{i}" for i in range(1, places + 1)]
    car_names = [f"car{i}" for i in range(1, cars + 1)]
    boat_names = [f"boat{i}" for i in range(1, boats + 1)]
    cargo = [f"crate{i}" for i in range(1, n + 1)]
    init = []
    for a, b in zip(place_names, place_names[1:]):  # roads along a line reach every place
        init += [f"(road {a} {b})", f"(road {b} {a})"]
    ports = sorted(rng.sample(place_names, max(2, places // 2)), key=place_names.index)
    for a, b in zip(ports, ports[1:]):
        init += [f"(waterway {a} {b})", f"(waterway {b} {a})"]
    init += [f"(at {c} {rng.choice(place_names)})" for c in car_names]
    init += [f"(at {b} {rng.choice(ports)})" for b in boat_names]
    goal = []
    for crate in cargo:
        start, end = rng.sample(place_names, 2)
        init.append(f"(at {crate} {start})")
        goal.append(f"(at {crate} {end})")
    return problem(name or f"either-transport-{n}-s{seed}", "either-transport",
                   [(place_names, "place"), (car_names, "car"), (boat_names, "boat"), (cargo, "cargo")],
                   init, goal,
                   f"generate.py either-transport {n} --places {places} --cars {cars} --boats {boats} --seed {seed}")


GENERATORS = {
    "blocks": (blocks, {}),
    "gripper": (gripper, {"rooms": 2, "grippers": 2}),
    "logistics": (logistics, {"cities": 3, "locations": 3, "airplanes": 1}),
    "elevator": (elevator, {"floors": 8}),
    "briefcase": (briefcase, {"locations": 4}),
    "travel-costs": (travel_costs, {"places": 10}),
    "either-transport": (either_transport, {"places": 6, "cars": 1, "boats": 1}),
}

# The generated problems committed in this folder: (domain, file, size, seed, options).
# `generate.py --committed` rewrites exactly these files; the hand-written ones are not listed.
COMMITTED = [
    ("blocks", "p01.pddl", 4, 1, {}),
    ("blocks", "p02.pddl", 6, 2, {}),
    ("blocks", "p03.pddl", 8, 3, {}),
    ("gripper", "p01.pddl", 4, 1, {}),
    ("gripper", "p02.pddl", 8, 2, {}),
    ("logistics", "p01.pddl", 2, 1, {"cities": 2, "locations": 2}),
    ("logistics", "p02.pddl", 4, 2, {}),
    ("elevator", "p01.pddl", 3, 1, {"floors": 4}),
    ("elevator", "p02.pddl", 6, 2, {"floors": 8}),
    ("briefcase", "p01.pddl", 2, 1, {"locations": 3}),
    ("briefcase", "p02.pddl", 4, 2, {"locations": 4}),
    ("travel-costs", "p01.pddl", 1, 1, {"places": 6}),
    ("travel-costs", "p02.pddl", 3, 2, {"places": 12}),
    ("either-transport", "p01.pddl", 2, 1, {"places": 4}),
    ("either-transport", "p02.pddl", 4, 2, {"places": 8, "cars": 2}),
    # mid-size: pyperplan gbf+hff needs about 1 s to tens of seconds (see README.md)
    ("blocks", "p04.pddl", 14, 1, {}),
    ("blocks", "p05.pddl", 18, 1, {}),
    ("blocks", "p06.pddl", 20, 1, {}),
    ("gripper", "p03.pddl", 20, 1, {}),
    ("gripper", "p04.pddl", 40, 1, {}),
    ("logistics", "p03.pddl", 10, 1, {"cities": 4, "locations": 3}),
    ("logistics", "p04.pddl", 14, 1, {"cities": 4, "locations": 3}),
    ("either-transport", "p03.pddl", 10, 1, {"places": 10, "cars": 2, "boats": 1}),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("domain", nargs="?", choices=sorted(GENERATORS))
    parser.add_argument("size", nargs="?", type=int, help="number of things to move")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", help="problem name (default: <domain>-<size>-s<seed>)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    for option in ("rooms", "grippers", "cities", "locations", "airplanes", "floors", "places", "cars", "boats"):
        parser.add_argument(f"--{option}", type=int)
    parser.add_argument("--committed", action="store_true",
                        help="rewrite the generated problems committed in this folder")
    args = parser.parse_args(argv)

    if args.committed:
        for domain, file, size, seed, options in COMMITTED:
            function, _ = GENERATORS[domain]
            stem = os.path.splitext(file)[0]
            path = os.path.join(HERE, domain, file)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                text = function(size, seed, name=f"{domain}-{stem}", **options)
                first, rest = text.split("\n", 1)
                f.write(first.replace(" --seed", f" --name {domain}-{stem} --seed", 1) + "\n" + rest)
            print(path, file=sys.stderr)
        return 0
    if args.domain is None or args.size is None:
        parser.error("give a domain and a size (or --committed)")
    if args.size < 1:
        parser.error("the size must be at least 1")
    function, defaults = GENERATORS[args.domain]
    options = {key: getattr(args, key) for key in defaults if getattr(args, key) is not None}
    for key, value in vars(args).items():
        if key in ("rooms", "grippers", "cities", "locations", "airplanes", "floors", "places", "cars", "boats") \
                and value is not None and key not in defaults:
            parser.error(f"--{key} does not apply to {args.domain}")
    if args.domain == "logistics" and options.get("locations", 3) < 1:
        parser.error("--locations must be at least 1")
    if args.domain in ("elevator", "briefcase", "travel-costs", "either-transport", "gripper"):
        minimum = {"elevator": ("floors", 2), "briefcase": ("locations", 2), "travel-costs": ("places", 2),
                   "either-transport": ("places", 2), "gripper": ("rooms", 2)}[args.domain]
        if options.get(minimum[0], defaults[minimum[0]]) < minimum[1]:
            parser.error(f"--{minimum[0]} must be at least {minimum[1]}")
    text = function(args.size, args.seed, name=args.name, **options)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
