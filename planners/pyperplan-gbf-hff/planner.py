#!/usr/bin/env python3
"""pyperplan-gbf-hff: pyperplan's greedy best-first search with h_FF as a PlannerFactory process plugin."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [here, os.path.dirname(here)]  # the installed bundle holds pddl_wrapper.py; the source tree, its parent
import pddl_wrapper

sys.exit(pddl_wrapper.serve(pddl_wrapper.Pyperplan("gbf", "hff"), here))
