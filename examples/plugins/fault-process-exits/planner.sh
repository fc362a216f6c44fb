#!/bin/sh
# fault-process-exits: a worker program that gives up before the protocol's handshake, as one
# missing a file it needs would: a message on stderr and exit status 3, nothing on stdout.
echo "fatal: cannot find model file" >&2
exit 3
