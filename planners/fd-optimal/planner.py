#!/usr/bin/env python3
"""fd-optimal: Fast Downward's A* with the LM-cut heuristic (cost-optimal) as a PlannerFactory process plugin."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [here, os.path.dirname(here)]  # the installed bundle holds pddl_wrapper.py; the source tree, its parent
import pddl_wrapper

sys.exit(pddl_wrapper.serve(pddl_wrapper.FastDownward(search_options=["--search", "astar(lmcut())"], optimal=True), here))
