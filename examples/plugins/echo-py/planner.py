#!/usr/bin/env python3
"""echo-py: a complete PlannerFactory worker (protocol v1, JSON lines): a plan is the objective's words."""
import json, sys

DESCRIPTOR = {"name": "echo-py", "version": "1.0.0", "summary": "Plans one step per word of the objective",
              "capabilities": ["echo"], "keywords": ["echo", "say"], "threadSafe": True}
out, sys.stdout = sys.stdout, sys.stderr  # stdout carries protocol lines only; print() goes to stderr
instances, created = set(), 0

class Failure(Exception): pass  # Failure(code, message): answered as a protocol error

def answer(call, instance, body):
    global created
    if call == "create":
        created += 1
        instances.add(str(created))
        return {"instance": str(created)}
    if instance not in instances:
        raise Failure("internal", f"no instance {instance!r}")
    if call == "plan":
        words = body["text"].split() if isinstance(body, dict) and isinstance(body.get("text"), str) else []
        if not words:
            raise Failure("invalid-objective", "the objective has no words to echo")
        return {"planner": "echo-py", "steps": words, "cost": len(words), "stats": {}}
    if call == "health":
        return {"healthy": True, "detail": f"{len(instances)} instance(s)"}
    if call == "destroy":
        return instances.discard(instance)  # None
    raise Failure("internal", f"unknown call {call!r}")

def send(message): out.write(json.dumps(message) + "\n"); out.flush()
send({"protocol": "planner-factory", "version": 1, "descriptor": DESCRIPTOR})
for line in open(0, encoding="utf-8", errors="replace"):  # one request per line; the worker ends at EOF
    request = None
    try:
        request = json.loads(line)
        send({"id": request.get("id"), "result": answer(request.get("call"), request.get("instance"), request.get("body"))})
    except Exception as error:
        code, message = error.args if isinstance(error, Failure) else ("internal", f"bad request: {error!r}")
        send({"id": request.get("id") if isinstance(request, dict) else None, "error": {"message": message, "code": code}})
