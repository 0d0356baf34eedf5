#!/usr/bin/python3
"""A simulated APC PDU for snmpd: pass_persist .1.3.6.1.4.1.318 /usr/bin/python3 apcpdu.py STATE.

Serves PowerNet-MIB's sPDUOutletControlTable, rPDUOutletControlTable and
rPDUOutletStatusTable from the JSON file STATE, which the tests read back (and edit) to
check what the PDU did independently of any SNMP client:

  {"outlets": [{"name": "node1", "state": "on"}, ...],   # outlet N is entry N-1
   "switches": [[3, "off", "rpdu"], ...],  # every switch, in order, with the table that
                                           # was written (a reboot command is off, on)
   "delay": 0,                     # seconds to sleep before each answer (a slow PDU)
   "stuck": ["node4"],             # outlets that accept commands but never switch
   "hook": ["prog", "arg"]}        # optional: run with the outlet's name and new state
                                   # ("off"/"on") appended after each switch, before the
                                   # answer, so that an outlet off really stops a machine

The file is re-read before each request and replaced atomically after each change.
"""
import json
import os
import subprocess
import sys
import time

APC = (1, 3, 6, 1, 4, 1, 318)
SPDU_CONTROL = APC + (1, 1, 4, 4, 2, 1)  # .1 index .2 pending .3 ctl (rw) .4 name
RPDU_CONTROL = APC + (1, 1, 12, 3, 3, 1, 1)  # .1 index .2 name .4 command (rw)
RPDU_STATUS = APC + (1, 1, 12, 3, 5, 1, 1)  # .1 index .2 name .4 state
ON, OFF, REBOOT = 1, 2, 3
NO_COMMAND_PENDING = 2

state_path = sys.argv[1]


def load():
    with open(state_path) as f:
        return json.load(f)


def save(state):
    temporary = state_path + ".tmp"
    with open(temporary, "w") as f:
        json.dump(state, f, indent=1)
    os.replace(temporary, state_path)


def power(outlet):
    return ON if outlet["state"] == "on" else OFF


def columns(state):
    """Every served (oid, type, value), sorted by OID."""
    rows = []
    for index, outlet in enumerate(state["outlets"], start=1):
        rows += [
            (SPDU_CONTROL + (1, index), "integer", index),
            (SPDU_CONTROL + (2, index), "integer", NO_COMMAND_PENDING),
            (SPDU_CONTROL + (3, index), "integer", power(outlet)),
            (SPDU_CONTROL + (4, index), "string", outlet["name"]),
            (RPDU_CONTROL + (1, index), "integer", index),
            (RPDU_CONTROL + (2, index), "string", outlet["name"]),
            (RPDU_CONTROL + (4, index), "integer", power(outlet)),
            (RPDU_STATUS + (1, index), "integer", index),
            (RPDU_STATUS + (2, index), "string", outlet["name"]),
            (RPDU_STATUS + (4, index), "integer", power(outlet)),
        ]
    return sorted(rows)


def parse(text):
    return tuple(int(part) for part in text.strip().strip(".").split("."))


def answer(row):
    if row is None:
        return "NONE\n"
    oid, kind, value = row
    return "." + ".".join(map(str, oid)) + "\n" + kind + "\n" + str(value) + "\n"


def get(state, oid):
    return answer(next((row for row in columns(state) if row[0] == oid), None))


def get_next(state, oid):
    return answer(next((row for row in columns(state) if row[0] > oid), None))


def switch(state, outlet_index, command, table):
    outlet = state["outlets"][outlet_index - 1]
    wanted = {ON: ["on"], OFF: ["off"], REBOOT: ["off", "on"]}[command]
    for new_state in wanted:
        state["switches"].append([outlet_index, new_state, table])
        if outlet["name"] not in state.get("stuck", []):
            outlet["state"] = new_state
        save(state)
        run_hook(state, outlet["name"], new_state)


def run_hook(state, name, new_state):
    if not state.get("hook"):
        return
    with open(state_path + ".hook.log", "a") as log:
        subprocess.run(state["hook"] + [name, new_state], stdin=subprocess.DEVNULL,
                       stdout=log, stderr=log, check=False)


def set_value(state, oid, typed_value):
    kind, _, value = typed_value.partition(" ")
    table, column, index = oid[:-2], oid[-2], oid[-1]
    writable = (table == SPDU_CONTROL and column == 3) or (table == RPDU_CONTROL and column == 4)
    if not writable or not 1 <= index <= len(state["outlets"]):
        return "not-writable\n"
    if kind != "integer":
        return "wrong-type\n"
    if int(value) not in (ON, OFF, REBOOT):
        return "wrong-value\n"
    switch(state, index, int(value), "spdu" if table == SPDU_CONTROL else "rpdu")
    return "DONE\n"


def main():
    while True:
        command = sys.stdin.readline()
        if not command:
            return
        command = command.strip()
        # snmpd sends a blank line after each set: answering it would put every later
        # request out of step.
        if not command:
            continue
        if command == "PING":
            sys.stdout.write("PONG\n")
            sys.stdout.flush()
            continue
        oid = parse(sys.stdin.readline())
        typed_value = sys.stdin.readline().strip() if command == "set" else ""
        state = load()
        state.setdefault("switches", [])
        time.sleep(float(state.get("delay", 0)))
        if command == "get":
            reply = get(state, oid)
        elif command == "getnext":
            reply = get_next(state, oid)
        elif command == "set":
            reply = set_value(state, oid, typed_value)
        else:
            reply = "NONE\n"
        sys.stdout.write(reply)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
