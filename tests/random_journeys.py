#!/usr/bin/env python3
"""Random programs of journeys run on random records: beyond the fixed corpus, every step kind
(waits, `wait for`, `if`, `split`, sends under caps and quiet hours, calls that fail, `set`,
`emit`, `goto`, `end`), every entry kind and header clause, in combinations nobody wrote.

Each program that checks is run five ways: the interpreter, the JIT, the interpreter with its
inputs read on a second thread, the interpreter from the program built into an artifact, and
the interpreter with --trace. Checked for each:
- every run ends, with status 0, and all five write the same output records;
- output times never go back;
- an instance's lines begin with its `enter` and nothing of it follows its `exit` but a send
  that quiet hours queued, and no (journey, key) has two instances at once;
- the summary counts the instances entered;
- no send is made inside its journey's quiet hours (in its time zone), and none makes more
  than a frequency rule allows in its window (the file's rule, or the journey's own);
- a run whose journeys were stopped for starting one another in a loop had the checker's
  warning (W0104);
- a journey that enters on an event or an audience's change enters (or skips) once for each
  such event (an input or an `emit`) or change whose `when`, if any, computed here, holds, and
  never without one;
- in the traced run, each `if` goes into its block exactly when its condition, computed here,
  holds, and each `split` goes on in the arm its key's bucket chooses;
- in the traced run, wherever an `exit when` is checked (on entry, after every wait, before
  every send), the instance ends with `exit` exactly when its condition, computed here, holds;
- in the traced run, a send step of a journey with quiet hours writes its line at once, or, held
  by `queue`, at the window's end in the journey's zone (or `suppressed`, `exited`, when exit
  criteria end its instance first);
- each send, suppression and cap agrees with its channel's consent and address at that
  moment, the profile followed through `set` records and `set` steps;
- a profile that a `set` record created lacks the fields not given: a condition, `set` or
  consent that reads one fails (the instance ends with `error`, the send is suppressed with
  `consent: …`, a `when` does not enter);
- a scheduled journey enters (or skips) at each tick of its schedule, computed here in its
  zone, every member of the audience then (with `incremental`, those who joined since the
  previous tick), no one else, and at no other time.
And in the traced run, the waits against their meaning (LANGUAGE.md §4-5), computed here:
- `wait D`, `wait until now() + …` and `wait until HH:MM [on WEEKDAY]` (the next such local time
  strictly after now in the journey's zone, a time in a DST gap moved forward by the gap) wake
  at that instant, and nothing of the instance happens before it but an exit or its timeout;
- `wait for … within D` takes an awaited event of its profile in [start, start + D) and only
  one that happened, is not left waiting past an awaited event after its start, and goes on at
  the deadline otherwise;
- `exit on E` ends a waiting instance at the first E of its profile (an input or an `emit`);
  an `exit` has such an event or an `exit when`, a `timeout` falls at entry + the timeout, and
  no line of an instance comes after it.
A run whose output and trace pass LARGE_OUTPUT bytes is compared with the others by digest,
and checked for W0104, but not line by line. A failing program is kept, with its inputs, in a
directory named on the way out.

    random_journeys.py JOURNEY [COUNT [SEED]]   (COUNT default $JOURNEY_RANDOM_JOURNEYS or 20)
"""
import collections
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

JOURNEY = sys.argv[1]
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("JOURNEY_RANDOM_JOURNEYS", "20"))
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1

DECLARATIONS = """schema Profile { id: string, email: string?, phone: string?, vip: bool, n: int,
                 tags: list<string> }
event Visit { page: string }
event Buy retain 7d { total: double, cartId: string? }
event Open { id: int }
channel email { address: profile.email, consent: !profile.vip || profile.n > 0 }
channel sms { address: profile.phone }
channel push { address: profile.id }
audience VIP = profile.vip
audience Busy = size(history(Buy, 2d)) > 1
"""
EVENT_DATA = {"Visit": '{ page: "e" }', "Buy": "{ total: 5.0 }", "Open": "{ id: 3 }"}
DURATIONS = ["1s", "30m", "1h", "2h", "1d", "3d", "8d"]
ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"]
# Records begin on a Monday morning, or on the evening before New York's clocks skip 02:00-03:00.
STARTS = [datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.timezone.utc),
          datetime.datetime(2026, 3, 7, 20, 0, tzinfo=datetime.timezone.utc)]
UNTIL = "2026-03-20T00:00:00Z"
LOOP_STOPPED = "emitted events and profile changes at one instant"
# A journey may restart itself every second for weeks (`reentry after 1s`, `wait 1s`, `emit`):
# an output larger than this is compared between the runs but not checked line by line.
LARGE_OUTPUT = 20_000_000
# A send queued by quiet hours is delivered (or suppressed, or capped) when they end, after its
# instance may have ended.
QUEUED_SEND_KINDS = {"send", "suppressed", "capped"}
# What the script's model of an expression gives when the runtime's evaluation fails.
ERROR = "an error"
# What the checks met, printed at the end: how often a rare rule was exercised.
SEEN = collections.Counter()
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DEFAULT_TIMEOUT = 90 * 86400
# A frequency rule: at most `count` sends on `channel` per profile in any window (now − seconds,
# now]; of one journey's sends, or of all (journey None).
Cap = collections.namedtuple("Cap", "channel count seconds journey")
ADDRESSES = {"email": "email", "sms": "phone", "push": "id"}  # each channel's profile field
# A scheduled entry for the members of VIP: `every` is what follows `entry every`, or ENTRY_AT
# for `entry at` that instant.
Schedule = collections.namedtuple("Schedule", "every zone incremental")
# A journey's quiet hours: [start, end) in minutes of the local day, and "queue" or "discard".
QuietHours = collections.namedtuple("QuietHours", "start end mode")
ENTRY_AT = "2026-03-03T12:00:00Z"
# Conditions of Generator.condition, each with the `set` step that can change it.
FLIPS = {"profile.n > 2": "set profile.n = profile.n + 1",
         "profile.vip": "set profile.vip = !profile.vip",
         "size(profile.tags) > 0": 'set profile.tags = profile.tags + ["x"]',
         "has(profile.email)": 'set profile.email = "a@b.c"'}


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.names = 0

    def fresh(self, prefix):
        self.names += 1
        return f"{prefix}{self.names}"

    def condition(self):
        return self.rng.choice([
            "profile.vip", "!profile.vip", "profile.n > 2", "profile.n % 2 == 0",
            "has(profile.email)", "size(profile.tags) > 0", "true",
            'now().getHours("UTC") < 12', "size(history(Buy, 2d)) > 0"])

    def reached_local_time(self):
        """The local hour and minute, in the current journey's zone, of an instant where a wait
        may begin at the very time it waits for: when the journey's schedule starts its
        instances, or an instant the records pass through exactly (a start, or a whole half hour
        after it: records step by 0, 1, 60, 1800 seconds and more)."""
        at = self.rng.choice(STARTS) + datetime.timedelta(minutes=30 * self.rng.randint(0, 6))
        schedule = self.schedules.get(self.journey)
        if schedule and self.rng.random() < 0.8:
            at = schedule_instant(schedule)
        local = at.astimezone(zoneinfo.ZoneInfo(self.zones.get(self.journey, "UTC")))
        return local.hour, local.minute

    def block(self, depth, others):
        return "\n".join(self.step(depth, others) for _ in range(self.rng.randint(1, 3)))

    def step(self, depth, others):
        rng = self.rng
        r = rng.random()
        if r < 0.12:
            return f"wait {rng.choice(DURATIONS)}"
        if r < 0.17:
            weekday = f" on {rng.choice(WEEKDAYS)}" if rng.random() < 0.3 else ""
            if rng.random() < 0.4:  # a local time records reach exactly, where "strictly after" decides
                hour, minute = self.reached_local_time()
            else:
                hour = rng.choice([2, rng.randint(0, 23)])  # 02:00 to 03:00 is skipped in New York on 03-08
                minute = rng.choice([0, 30])
            return f"wait until {hour:02d}:{minute:02d}{weekday}"
        if r < 0.20:
            return 'wait until now() + duration("90m")'
        if r < 0.35:
            return f'send {rng.choice(["email", "sms", "push"])} "t{rng.randint(0, 3)}"'
        if r < 0.42:
            step = rng.choice(list(FLIPS.values()))
            flip = FLIPS.get(self.exit_when.get(self.journey))
            if flip or rng.random() < 0.3:  # a send, whose `exit when` check sees the change
                channel = rng.choice(["email", "sms", "push"])
                step = (flip or step) + f'\nsend {channel} "t{rng.randint(0, 3)}"'
            if step.startswith("set profile.n =") and rng.random() < 0.6:
                # A branch on the count just changed: of the conditions on it, the parity
                # changes with every step, and `> 2` where the count was 2.
                condition = rng.choice(["profile.n % 2 == 0", "profile.n > 2"])
                step += f'\nif {condition} {{\nsend push "t{rng.randint(0, 3)}"\n}}'
            return step
        if r < 0.47:
            event = rng.choice(list(EVENT_DATA))
            return f"emit {event} {EVENT_DATA[event]}"
        if r < 0.52:
            on_error = ' on error { end "failed" }' if rng.random() < 0.5 else ""
            return f"call score {{ id: profile.id }} as {self.fresh('r')}{on_error}"
        if r < 0.555:
            return f'end "r{rng.randint(0, 2)}"'
        if r < 0.565 and others:
            return f"goto {rng.choice(others)}"  # checks only between journeys of one event
        if depth < 2 and r < 0.70:
            otherwise = f" else {{\n{self.block(depth + 1, others)}\n}}" if rng.random() < 0.5 else ""
            return f"if {self.condition()} {{\n{self.block(depth + 1, others)}\n}}{otherwise}"
        if depth < 2 and r < 0.78:
            a = rng.randint(1, 99)
            return (f'split "{self.fresh("s")}" {{\n{a}% {{\n{self.block(depth + 1, others)}\n}}\n'
                    f"{100 - a}% {{\n{self.block(depth + 1, others)}\n}}\n}}")
        if depth < 2 and r < 0.90:
            awaited = [(e, self.fresh("w")) for e in rng.sample(list(EVENT_DATA), rng.randint(1, 2))]
            within = f" within {rng.choice(DURATIONS)}" if rng.random() < 0.8 else ""
            handlers = "\n".join(f"on {name} {{\n{self.block(depth + 1, others)}\n}}"
                                 for _, name in awaited)
            timeout = (f"\ntimeout {{\n{self.block(depth + 1, others)}\n}}"
                       if within and rng.random() < 0.7 else "")
            events = ", ".join(f"{e} as {name}" for e, name in awaited)
            return f"wait for {events}{within} {{\n{handlers}{timeout}\n}}"
        return f"let {self.fresh('x')} = profile.n * 2"

    def header(self, name):
        """The journey's header clauses; its time zone, quiet hours and cap are noted."""
        rng = self.rng
        lines = []
        kind = rng.random()
        if kind < 0.55:
            event = rng.choice(list(EVENT_DATA))
            self.starts[name] = ("event", event)
            if rng.random() < 0.3:
                self.when[name] = self.condition()
            when = f" when {self.when[name]}" if name in self.when else ""
            lines.append(f"entry on {event} as ev{when}")
            if event == "Visit" and rng.random() < 0.3:
                lines.append("key ev.page")
        elif kind < 0.75:
            audience, change = rng.choice(["VIP", "Busy"]), rng.choice(["enter"] * 7 + ["exit"] * 3)
            self.starts[name] = (audience, change)
            lines.append(f"entry on audience {audience}{' exit' if change == 'exit' else ''}")
        elif kind < 0.9:
            schedule = rng.choice(["day at 09:00", "hour", "monday at 10:30", "6h"])
            incremental = rng.random() < 0.3
            self.schedules[name] = Schedule(schedule, rng.choice(ZONES), incremental)
            lines.append(f'entry every {schedule} in "{self.schedules[name].zone}" for audience '
                         f'VIP{" incremental" if incremental else ""}')
        else:
            self.schedules[name] = Schedule(ENTRY_AT, "UTC", False)
            lines.append(f'entry at timestamp("{ENTRY_AT}") for audience VIP')
        r = rng.random()
        if r < 0.2:
            lines.append("reentry never")
        elif r < 0.4:
            lines.append(f"reentry after {rng.choice(DURATIONS)}")
        if rng.random() < 0.3:
            self.exit_on[name] = rng.choice(list(EVENT_DATA))
            lines.append(f"exit on {self.exit_on[name]}")
        if rng.random() < 0.3:  # most often one that a `set` step changes
            self.exit_when[name] = rng.choice([self.condition()] + list(FLIPS))
            lines.append(f"exit when {self.exit_when[name]}")
        if rng.random() < 0.4:
            timeout = rng.choice(['1d', '2d', '10d'])
            self.timeouts[name] = seconds_in(timeout)
            lines.append(f"timeout {timeout}")
        if rng.random() < 0.4:
            self.zones[name] = rng.choice(ZONES)
            lines.append(f'timezone "{self.zones[name]}"')
        if rng.random() < 0.5:
            start, end = rng.randint(0, 23), rng.randint(0, 23)
            self.quiet[name] = QuietHours(start * 60, end * 60 + 30, rng.choice(["queue", "queue", "discard"]))
            lines.append(f"quiet hours {start:02d}:00 to {end:02d}:30 {self.quiet[name].mode}")
        if rng.random() < 0.2:
            self.caps.append(Cap("email", rng.randint(1, 2), 86400, name))
            lines.append(f"cap email {self.caps[-1].count} per 1d")
        return lines

    def program(self):
        rng = self.rng
        self.zones, self.quiet, self.caps = {}, {}, []
        self.exit_on, self.exit_when, self.timeouts, self.schedules = {}, {}, {}, {}
        # journey -> ("event", its type) or (audience, "enter" or "exit"): what starts it
        self.starts, self.when = {}, {}  # and the `when` of an event entry
        mock = rng.choice(["mock { score: 7 }", 'mock error "down"'])
        parts = [DECLARATIONS,
                 f'action score {{\n  method POST\n  url "https://x.example/s"\n  timeout 1s\n'
                 f"  retries 1\n  response {{ score: int }}\n  {mock}\n}}"]
        if rng.random() < 0.5:
            cap = Cap(rng.choice(["email", "sms", "push"]), rng.randint(1, 3), 0, None)
            window = rng.choice(DURATIONS)
            self.caps.append(cap._replace(seconds=seconds_in(window)))
            parts.append(f"cap {cap.channel} {cap.count} per {window}")
        names = [f"J{i}" for i in range(rng.randint(1, 3))]
        for name in names:
            self.journey = name
            header = self.header(name)
            if self.zones.get(name) == "America/New_York" and rng.random() < 0.5:
                # New York skips 02:00-03:00 on Sunday 03-08, after every start of the records.
                header.append(f"wait until 02:{rng.choice(['00', '30'])} on sunday")
            body = "\n".join(header) + "\n" + self.block(0, [n for n in names if n != name])
            parts.append(f"journey {name} {{\n{body}\n}}")
        return "\n".join(parts) + "\n"

    def inputs(self):
        rng = self.rng
        profiles = []
        for i in range(rng.randint(1, 4)):
            # A VIP with n == 0 has no email consent: about one profile in five at first. n == 2
            # and 3 sit on either side of `profile.n > 2`.
            p = {"id": f"p{i}", "vip": rng.random() < 0.5, "n": rng.choice([0, 0, 1, 2, 3]), "tags": []}
            if rng.random() < 0.7:
                p["email"] = f"u{i}@x.io"
            if rng.random() < 0.5:
                p["phone"] = f"+1555{i}"
            profiles.append(p)
        records, t = [], rng.choice(STARTS)
        new = f"p{len(profiles)}"  # a profile the input does not give
        for _ in range(rng.randint(3, 25)):
            t += datetime.timedelta(seconds=rng.choice([0, 1, 60, 1800, 3600, 7200, 86400, 259200]))
            record = {"time": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "profile": f"p{rng.randint(0, len(profiles))}"}
            if record["profile"] == new and rng.random() < 0.5:
                # Created with an address alone: email's consent then fails (`vip`, `n` absent).
                record["set"] = {"email": f"{new}@x.io"}
                new = None
            elif rng.random() < 0.7:
                record["event"] = rng.choice(list(EVENT_DATA))
                record["data"] = {"Visit": {"page": rng.choice(["a", "b"])},
                                  "Buy": {"total": 9.5, "cartId": "c"},
                                  "Open": {"id": 1}}[record["event"]]
            else:
                record["set"] = rng.choice([{"vip": rng.random() < 0.5}, {"n": rng.choice([0, 1, 2, 5])}])
            records.append(record)
        return profiles, records


def problem_in(lines, summary, generator):
    """What is wrong with one run's output lines and summary, or None."""
    previous = ""
    active = {}
    entered = 0
    sends = []
    for line in lines:
        text = json.dumps(line)
        if line.get("time", previous) < previous:
            return f"the time goes back: {text}"
        previous = line.get("time", previous)
        if "journey" not in line or line["kind"] == "skipped":
            continue
        if line["kind"] == "send":
            sends.append(line)
        instance = (line["journey"], line["profile"], line.get("key"))
        if line["kind"] == "enter":
            if active.get(instance):
                return f"a second instance of one (journey, key): {text}"
            active[instance] = True
            entered += 1
        elif not active.get(instance) and line["kind"] not in QUEUED_SEND_KINDS:
            return f"a line of no active instance: {text}"
        elif line["kind"] == "exit":
            active[instance] = False
    counted = re.search(r"(\d+) entered", summary)
    if not counted or int(counted.group(1)) != entered:
        return f"the summary says {counted and counted.group(0)}; {entered} enter lines"
    return in_quiet_hours(sends, generator) or over_cap(sends, generator)


def seconds_at(time):
    return datetime.datetime.fromisoformat(time.replace("Z", "+00:00")).timestamp()


def seconds_of(line):
    return seconds_at(line["time"])


def in_quiet_hours(sends, generator):
    """A send made inside its journey's quiet hours [from, to), in the journey's zone."""
    for line in sends:
        window = generator.quiet.get(line["journey"])
        if not window:
            continue
        if quiet_at(seconds_of(line), window, journey_zone(line["journey"], generator)):
            return f"a send at {line['time']}, inside quiet hours: {json.dumps(line)}"
    return None


def journey_zone(journey, generator):
    return zoneinfo.ZoneInfo(generator.zones.get(journey, "UTC"))


def quiet_at(seconds, window, zone):
    """Whether the instant is inside the quiet hours `window` (a QuietHours) in `zone`."""
    local = datetime.datetime.fromtimestamp(seconds, zone)
    minute = local.hour * 60 + local.minute
    if window.start < window.end:
        return window.start <= minute < window.end
    return minute >= window.start or minute < window.end


def over_cap(sends, generator):
    """A send that makes more than a frequency rule allows in its window."""
    for cap in generator.caps:
        counted = collections.defaultdict(list)  # profile -> times of the sends the rule counts
        for line in sends:
            if line["channel"] != cap.channel or cap.journey not in (None, line["journey"]):
                continue
            times = counted[line["profile"]]
            times.append(seconds_of(line))
            if sum(1 for t in times if t > times[-1] - cap.seconds) > cap.count:
                return f"more than {cap} allows: {json.dumps(line)}"
    return None


def utc(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def records_applied(lines, records):
    """The input records a run did not reject."""
    rejected = {line["line"] for line in lines if line["kind"] == "rejected"}
    return [record for number, record in enumerate(records, 1) if number not in rejected]


def events_applied(lines, records):
    """(seconds, profile, type) of each event a run applied: the input records it did not
    reject and the events its journeys emitted."""
    inputs = [(seconds_of(record), record["profile"], record["event"])
              for record in records_applied(lines, records) if "event" in record]
    return inputs + [(seconds_of(line), line["profile"], line["event"]) for line in lines
                     if line["kind"] == "emit"]


def stopped_a_loop(lines):
    """Whether the runtime ended an instance for starting journeys in a loop at one instant."""
    return any(line["kind"] == "exit" and LOOP_STOPPED in line["reason"] for line in lines)


def clock_end(lines, records):
    """Where a run's clock stops: --until, or the last record applied when that is later (a
    rejected record moves no clock)."""
    applied = records_applied(lines, records)
    return max([seconds_at(UNTIL)] + [seconds_of(r) for r in applied[-1:]])


def schedule_instant(schedule):
    """An instant at which `schedule` starts instances (the first Monday's, for a daily or
    weekly one), as a datetime."""
    if schedule.every == ENTRY_AT:
        return datetime.datetime.fromisoformat(ENTRY_AT.replace("Z", "+00:00"))
    zone = zoneinfo.ZoneInfo(schedule.zone)
    timed = re.search(r"at (\d\d):(\d\d)", schedule.every)
    if timed:
        return datetime.datetime(2026, 3, 2, int(timed.group(1)), int(timed.group(2)), tzinfo=zone)
    return datetime.datetime(2026, 3, 2, 12, 0, tzinfo=zone)  # every hour (and 6h: a guess)


def seconds_in(duration):
    """The seconds of a duration literal of one unit (`30m`)."""
    return int(duration[:-1]) * SECONDS[duration[-1]]


def next_local_time(now, zone, hour, minute, weekday):
    """The first instant strictly after `now` whose local time in `zone` is hour:minute (on
    `weekday`, 0 for Monday, if not None). A local time in a DST gap moves forward by the gap's
    length and a repeated one takes its first occurrence, as fold=0 reads them."""
    day = datetime.datetime.fromtimestamp(now, zone).date()
    for ahead in range(9):
        date = day + datetime.timedelta(days=ahead)
        if weekday is not None and date.weekday() != weekday:
            continue
        local = datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone)
        if local.timestamp() > now:
            return local.timestamp()
    raise AssertionError("no such local time in nine days")


def moved_by_gap(step, end, zone):
    """Whether the wait `step` for a local time ends at another reading of the clock: its time
    was skipped by a DST change and moved forward."""
    timed = re.fullmatch(r"wait until (\d\d):(\d\d).*", step)
    local = datetime.datetime.fromtimestamp(end, zone)
    return bool(timed) and (local.hour, local.minute) != (int(timed.group(1)), int(timed.group(2)))


TRACE_LINE = re.compile(r"(\S+) (\S+) (\S+) \[(.*?)\] (.*)")
WAKE = re.compile(r"waits at \S+:(\d+):\d+ until (\S+)")
WAIT_FOR = re.compile(r"waits for events at \S+:(\d+):\d+")
TAKES = re.compile(r"wait for at \S+:\d+:\d+ takes (\S+)")


def traced_steps(trace):
    """The lines of a --trace: (time, journey, profile, key, what) each."""
    return [m.groups() for m in map(TRACE_LINE.fullmatch, trace.splitlines()) if m]


def lifetimes_in(traced):
    """The traced lines of each instance, from its first step to its end: lists of
    (journey, profile, [(seconds, text)])."""
    open_, done = {}, []
    for time, journey, profile, key, what in traced:
        instance = (journey, profile, key)
        if instance not in open_:
            open_[instance] = (journey, profile, [])
            done.append(open_[instance])
        open_[instance][2].append((seconds_at(time), what))
        if what.startswith("ends: "):
            del open_[instance]
    return done


def expected_wake(step, now, zone):
    """When the wait step `step` (its source text) started at `now` ends, by its meaning."""
    if step.startswith("wait until now()"):
        return now + 90 * 60
    timed = re.fullmatch(r"wait until (\d\d):(\d\d)(?: on (\w+))?", step)
    if timed:
        weekday = WEEKDAYS.index(timed.group(3)) if timed.group(3) else None
        return next_local_time(now, zone, int(timed.group(1)), int(timed.group(2)), weekday)
    return now + seconds_in(step.split()[1])


def wait_problem(traced, lines, records, generator, program_lines):
    """A wait that ends at another time than its meaning says, an event it should have taken
    (or that `exit on` should have ended it with) and did not, an exit or timeout without a
    cause, or a line after the journey's timeout."""
    until = clock_end(lines, records)
    events = collections.defaultdict(list)  # profile -> [(seconds, event type)] applied
    for t, profile, event in sorted(events_applied(lines, records)):
        events[profile].append((t, event))

    def arrived(profile, types, after, before):
        """The first event of `types` for `profile` in (after, before), or None."""
        return next((t for t, e in events[profile] if e in types and after < t < before), None)

    for journey, profile, instance_lines in lifetimes_in(traced):
        where = f"{journey} of {profile} entered at {utc(instance_lines[0][0])}"
        zone = journey_zone(journey, generator)
        exit_on = {generator.exit_on[journey]} if journey in generator.exit_on else set()
        deadline = instance_lines[0][0] + generator.timeouts.get(journey, DEFAULT_TIMEOUT)
        for i, (now, what) in enumerate(instance_lines):
            if now > deadline:
                return f"{where}: a line after its timeout: {what}"
            following = instance_lines[i + 1] if i + 1 < len(instance_lines) else None
            later = following[0] if following else until
            if what == "ends: timeout" and now != deadline:
                return f"{where}: ends with timeout at {utc(now)}, its timeout is at {utc(deadline)}"
            if what == "ends: exit" and journey not in generator.exit_when and not any(
                    t == now and e in exit_on for t, e in events[profile]):
                return f"{where}: ends with exit at {utc(now)} with no event to exit on"
            takes = TAKES.fullmatch(what)
            if takes and not any(t == now and e == takes.group(1) for t, e in events[profile]):
                return f"{where}: takes a {takes.group(1)} at {utc(now)} that did not happen"
            wake, awaited = WAKE.fullmatch(what), WAIT_FOR.fullmatch(what)
            if not (wake or awaited):
                continue
            step = program_lines[int((wake or awaited).group(1)) - 1].strip()
            if wake:
                end = expected_wake(step, now, zone)
                if seconds_at(wake.group(2)) != end:
                    return f"{where}: `{step}` at {utc(now)} waits until {wake.group(2)}, not {utc(end)}"
                if moved_by_gap(step, end, zone):
                    SEEN["waits for a local time in a DST gap"] += 1
                types = set()
            else:
                within = re.search(r" within (\w+)", step)
                end = now + seconds_in(within.group(1)) if within else float("inf")
                types = set(re.findall(r"(\w+) as w\d+", step))
            if following and following[0] > end:
                return (f"{where}: `{step}` at {utc(now)} ends at {utc(end)}, "
                        f"the next line is later: {following}")
            if following and following[0] < end and not (
                    following[1] in ("ends: exit", "ends: timeout") or TAKES.fullmatch(following[1])):
                return f"{where}: `{step}` at {utc(now)} ends early: {following}"
            if not following and end < until:
                return (f"{where}: `{step}` at {utc(now)} ends at {utc(end)}, before the run's "
                        "end, and nothing follows")
            missed = arrived(profile, types | exit_on, now, min(end, later))
            if missed is not None:
                return (f"{where}: `{step}` at {utc(now)} missed an event at {utc(missed)} "
                        f"(awaited {types}, exit on {exit_on})")
    return None


class ProfilesInTime:
    """The input's profiles as its `set` records change them, followed instant by instant:
    `at(now)` is the state of each (a dict by id) with every record before `now` applied.
    `unsure` has the (instant, id) pairs a record changes: the steps at that instant and the
    record come in an order not modelled here. A `set` record for an unknown profile creates
    it with the fields given (the schema has no defaults; its other fields are absent).
    With `steps`, the journeys' `set` lines change the profiles too; a profile that a record
    and a step both change at one instant is no longer followed after it."""

    def __init__(self, lines, profiles, records, steps=False):
        records_set = [(seconds_of(r), r["profile"], r["set"])
                       for r in records_applied(lines, records) if "set" in r]
        steps_set = [(seconds_of(line), line["profile"], {line["path"].removeprefix("profile."): line["value"]})
                     for line in lines if steps and line["kind"] == "set"]
        self.changes = sorted(records_set + steps_set, key=lambda change: change[0])
        self.unsure = {(t, profile) for t, profile, _ in self.changes}
        self.lost = {(t, profile) for t, profile, _ in records_set} & {(t, p) for t, p, _ in steps_set}
        self.state = {p["id"]: dict(p) for p in profiles}
        self.gone = set()  # profiles no longer followed
        self.applied = 0

    def at(self, now):
        while self.applied < len(self.changes) and self.changes[self.applied][0] < now:
            t, profile, fields = self.changes[self.applied]
            self.applied += 1
            if profile in self.gone:
                continue
            self.state.setdefault(profile, {"id": profile}).update(fields)
            if (t, profile) in self.lost:
                del self.state[profile]
                self.gone.add(profile)
        return self.state


def buys_of(lines, records):
    """profile -> the instants of its Buy events (inputs and emits)."""
    buys = collections.defaultdict(set)
    for t, profile, event in events_applied(lines, records):
        if event == "Buy":
            buys[profile].add(t)
    return buys


def condition_holds(condition, profile, now, buys):
    """The generator's `condition` (Generator.condition) for `profile` (a dict) at `now`, given
    the times of its Buy events; None where an event at the window's edge makes it unsure, and
    ERROR where it reads a field the profile lacks (one the input created)."""
    if condition.startswith("size(history(Buy, 2d))"):
        if now in buys or now - 2 * 86400 in buys:
            return None
        return any(now - 2 * 86400 < t < now for t in buys)
    reads = re.search(r"profile\.(vip|n|tags)\b", condition)
    if reads and reads.group(1) not in profile:
        return ERROR
    return {"profile.vip": lambda: profile["vip"], "!profile.vip": lambda: not profile["vip"],
            "profile.n > 2": lambda: profile["n"] > 2, "profile.n % 2 == 0": lambda: profile["n"] % 2 == 0,
            "has(profile.email)": lambda: "email" in profile,
            "size(profile.tags) > 0": lambda: len(profile["tags"]) > 0, "true": lambda: True,
            'now().getHours("UTC") < 12': lambda: now % 86400 < 12 * 3600}[condition]()


def set_step(step, profile):
    """Applies the generator's `set` step (its source text) to `profile`; ERROR, changing
    nothing, where it reads a field the profile lacks."""
    reads = re.search(r"= .*profile\.(\w+)", step)
    if reads and reads.group(1) not in profile:
        return ERROR
    if step == "set profile.n = profile.n + 1":
        profile["n"] += 1
    elif step == "set profile.vip = !profile.vip":
        profile["vip"] = not profile["vip"]
    elif step == 'set profile.tags = profile.tags + ["x"]':
        profile["tags"] = profile["tags"] + ["x"]
    else:
        profile["email"] = re.fullmatch(r'set profile.email = "(.*)"', step).group(1)
    return None


def neighbours_in(traced):
    """For the traced lines of each instance (journey, profile, key): the index of each one's
    next line, and of each one's line before, as two dicts by index."""
    following, before, last = {}, {}, {}
    for i in reversed(range(len(traced))):
        instance = traced[i][1:4]
        if instance in last:
            following[i] = last[instance]
            before[last[instance]] = i
        last[instance] = i
    return following, before


def exit_check(traced, before, i, program_lines):
    """Whether the traced line `i` of an instance is what follows a check of its `exit when`
    (LANGUAGE.md §4: on entry, after every wait, before every send), given the instance's line
    before it (`before`, None for its first): "send" after a send's step, which the send's own
    failure may follow too; "check" after the others; None elsewhere."""
    if before is None or traced[before][4].startswith("ends: "):
        return "check"  # the instance's first line: it has just entered
    now, then, previous = seconds_at(traced[i][0]), seconds_at(traced[before][0]), traced[before][4]
    wake = WAKE.fullmatch(previous)
    if wake:
        return "check" if seconds_at(wake.group(2)) == now else None  # else an exit or timeout
    if TAKES.fullmatch(previous):
        return "check"
    awaited = WAIT_FOR.fullmatch(previous)
    if awaited:  # a wait for events that no event ended: at its deadline
        within = re.search(r" within (\w+)", program_lines[int(awaited.group(1)) - 1])
        deadline = within and then + seconds_in(within.group(1))
        return "check" if deadline == now and not TAKES.fullmatch(traced[i][4]) else None
    step = re.fullmatch(r"step \S+:(\d+):\d+", previous)
    if step and program_lines[int(step.group(1)) - 1].strip().startswith("send "):
        return "send"
    return None


def exit_when_problem(condition, check, what, holds, exited_on):
    """What is wrong with `what`, the traced line after a check (exit_check) of the `exit
    when` `condition` that computes `holds` here, or None; `exited_on`: an event that the
    journey exits on happened then."""
    if holds is None or what == "ends: timeout":
        return None  # unsure here, or the journey's timeout came first
    if holds is True and what != "ends: exit":
        return f"`exit when {condition}` holds, and then: {what}"
    if holds is ERROR and not what.startswith("ends: error"):
        return f"`exit when {condition}` fails, and then: {what}"
    if holds is False and ((what == "ends: exit" and not exited_on)
                           or (what.startswith("ends: error") and check != "send")):
        return f"`exit when {condition}` does not hold, and then: {what}"
    return None


def branch_problem(traced, lines, profiles, records, generator, program_lines):
    """An `if` whose traced run took the block its condition, computed here, does not choose,
    or an `exit when` that ended an instance where its condition does not hold or not where it
    does: the profile followed through `set` records and the `set` steps in the trace's order.
    Left out: what ProfilesInTime leaves out."""
    if stopped_a_loop(lines):
        return None  # a traced `set` may not have been made
    followed = ProfilesInTime(lines, profiles, records)
    buys = buys_of(lines, records)
    events = set(events_applied(lines, records))  # (seconds, profile, type)
    following, before = neighbours_in(traced)
    counted = set()  # profiles whose `n` a traced step has changed
    for i, (time, journey, name, key, what) in enumerate(traced):
        now = seconds_at(time)
        state = followed.at(now)
        check = journey in generator.exit_when and exit_check(traced, before.get(i), i, program_lines)
        if check and name in state and (now, name) not in followed.unsure:
            condition = generator.exit_when[journey]
            holds = condition_holds(condition, state[name], now, buys[name])
            exited_on = (now, name, generator.exit_on.get(journey)) in events
            problem = exit_when_problem(condition, check, what, holds, exited_on)
            if problem:
                return f"{journey} of {name} at {time} ({state[name]}): {problem}"
        at = re.fullmatch(r"step \S+:(\d+):\d+", what)
        if not at or name not in state:
            continue
        line = int(at.group(1))
        step = program_lines[line - 1].strip()
        next_step = traced[following[i]][4] if i in following else None
        failed = (next_step or "").startswith("ends: error")
        if step.startswith("set profile."):
            if (now, name) in followed.unsure:
                # A record changed the profile at this instant, before or after the step: what
                # the profile holds from here on is not known.
                del state[name]
                followed.gone.add(name)
                continue
            if set_step(step, state[name]) is ERROR and not failed:
                return f"{journey} of {name} at {time}: `{step}` fails on {state[name]}, and then: {next_step}"
            if step.startswith("set profile.n ="):
                counted.add(name)
            continue
        branch = re.fullmatch(r"if (.*) \{", step)
        if not branch or (now, name) in followed.unsure:
            continue
        holds = condition_holds(branch.group(1), state[name], now, buys[name])
        if holds is ERROR and not failed:
            return f"{journey} of {name} at {time}: `{step}` fails on {state[name]}, and then: {next_step}"
        then = bool(next_step and re.fullmatch(rf"step \S+:{line + 1}:\d+", next_step))
        if holds in (True, False) and holds != then:
            return (f"{journey} of {name} at {time}: `{step}` is {holds} for {state[name]}, "
                    f"and the next step is: {next_step}")
        if holds in (True, False) and "profile.n" in step and name in counted:
            SEEN["branches on a count that steps changed"] += 1
    return None


def start_problem(lines, profiles, records, generator, program_text):
    """A journey that an event or audience change it enters on did not enter (or skip), or
    that entered without one; an event entry's `when` is computed here, and an event whose
    profile's state at that instant ProfilesInTime leaves unsure is left out. A journey that a
    `goto` may enter is checked one way only."""
    if stopped_a_loop(lines):
        return None  # the runtime dropped what a loop would have started
    causes = collections.Counter((("event", event), t, profile)
                                 for t, profile, event in events_applied(lines, records))
    causes.update(((line["audience"], line["change"]), seconds_of(line), line["profile"])
                  for line in lines if line["kind"] == "audience")
    for journey, start in generator.starts.items():
        starts = collections.Counter((seconds_of(line), line["profile"]) for line in lines
                                     if line.get("journey") == journey
                                     and line["kind"] in ("enter", "skipped"))
        expected = collections.Counter({(t, p): n for (s, t, p), n in causes.items() if s == start})
        if journey in generator.when:
            expected, starts = entries_when(generator.when[journey], expected, starts,
                                            ProfilesInTime(lines, profiles, records, steps=True),
                                            buys_of(lines, records))
        missing = expected - starts
        extra = starts - expected if f"goto {journey}" not in program_text else {}
        for (t, profile), _ in list(missing.items()) + list(extra.items()):
            return (f"{journey} (entry on {start}) {'entered' if (t, profile) in extra else 'did not enter'}"
                    f" {profile} at {utc(t)}: {starts[t, profile]} entries, {expected[t, profile]} starts")
    return None


def entries_when(condition, expected, starts, followed, buys):
    """The causes of `expected` (instant, profile) whose `when` holds, and `starts` without the
    causes for which it is unsure."""
    holding, checked = collections.Counter(), collections.Counter(starts)
    for (t, profile), n in sorted(expected.items()):
        state = followed.at(t)
        holds = (None if profile not in state or (t, profile) in followed.unsure
                 else condition_holds(condition, state[profile], t, buys[profile]))
        if holds is None:
            checked.pop((t, profile), None)
        elif holds is True:  # false, or an error: not entered
            holding[t, profile] = n
    return holding, checked


def send_problem(lines, profiles, records):
    """A send, a suppression or a cap that its channel's consent (email's
    `!profile.vip || profile.n > 0`) and address (`ADDRESSES`) at that moment contradict. The
    profile is followed through the input's `set` records and the journeys' `set` steps; left
    out is what ProfilesInTime leaves out."""
    followed = ProfilesInTime(lines, profiles, records)
    for line in lines:
        if "time" not in line:
            continue
        now = seconds_of(line)
        profile = followed.at(now).get(line["profile"])
        if profile is None:
            continue
        if line["kind"] == "set":
            profile[line["path"].removeprefix("profile.")] = line["value"]
        if (line["kind"] not in ("send", "suppressed", "capped")
                or (now, line["profile"]) in followed.unsure):
            continue
        if line.get("reason") == "exited":
            continue  # a held send dropped at its instance's exit: judged when it was held
        consent = email_consent(profile) if line["channel"] == "email" else True
        address = profile.get(ADDRESSES[line["channel"]])
        expected = ("no consent" if not consent else "no address" if not address else None)
        found = line.get("reason") if line["kind"] == "suppressed" else None
        if found == "quiet hours":
            found = None  # judged after consent and address
        if consent is ERROR:
            wrong = not (found or "").startswith("consent: ")  # the evaluation's message
        else:
            wrong = found != expected or (line["kind"] == "send" and line["to"] != address)
        if wrong:
            return f"consent {consent} and address {address!r} of {profile}, and: {json.dumps(line)}"
    return None


def email_consent(profile):
    """Email's consent, `!profile.vip || profile.n > 0`, with CEL's `||`: true when either
    side is, ERROR when a side fails (reads an absent field) and neither is true."""
    sides = [ERROR if "vip" not in profile else not profile["vip"],
             ERROR if "n" not in profile else profile["n"] > 0]
    return True if True in sides else ERROR if ERROR in sides else False


def split_bucket(journey, split, key):
    """The bucket, of 10,000, that `split` of `journey` gives `key` (docs/runtime.md, `split`):
    FNV-1a over the three texts, each followed by the byte 0xff, then splitmix64's finaliser."""
    mask, prime = (1 << 64) - 1, 0x100000001b3
    h = 0xcbf29ce484222325
    for part in (journey, split, key):
        for byte in part.encode() + b"\xff":
            h = ((h ^ byte) * prime) & mask
    h = ((h ^ (h >> 30)) * 0xbf58476d1ce4e5b9) & mask
    h = ((h ^ (h >> 27)) * 0x94d049bb133111eb) & mask
    return (h ^ (h >> 31)) % 10000


def split_arms(program_lines, line):
    """The arms of the `split` on `line` (1-based): (percent, first line, last line) each."""
    arms, depth = [], 1
    for number in range(line + 1, len(program_lines) + 1):
        text = program_lines[number - 1].strip()
        header = re.fullmatch(r"(\d+)% \{", text)
        if depth == 1 and header:
            if arms:
                arms[-1][2] = number - 2  # before the previous arm's closing brace
            arms.append([int(header.group(1)), number + 1, None])
        depth += text.count("{") - text.count("}")
        if depth == 0:
            arms[-1][2] = number - 2
            return arms
    raise AssertionError(f"the split on line {line} does not end")


def split_problem(traced, program_lines):
    """A `split` whose traced instance goes on in another arm than its bucket chooses: arm i
    takes the buckets from 100 times the percentages before it, as many as 100 times its own."""
    for i, (time, journey, profile, key, what) in enumerate(traced):
        at = re.fullmatch(r"step \S+:(\d+):\d+", what)
        split = at and re.fullmatch(r'split "(\w+)" \{', program_lines[int(at.group(1)) - 1].strip())
        if not split:
            continue
        following = next((t for t in traced[i + 1:] if t[1:4] == (journey, profile, key)), None)
        went = following and re.search(r"\S+:(\d+):\d+", following[4])
        if not went:
            continue
        bucket, upto = split_bucket(journey, split.group(1), key), 0
        for percent, first, last in split_arms(program_lines, int(at.group(1))):
            upto += percent * 100
            if bucket < upto:
                if not first <= int(went.group(1)) <= last:
                    return (f"{journey} of {profile} [{key}] at {time}: `{split.group(0)}` gives bucket "
                            f"{bucket}, the arm of lines {first} to {last}; it went on with {following[4]}")
                break
    return None


def quiet_problem(traced, lines, records, generator, program_lines):
    """A send step, in a journey with quiet hours, whose line (send, suppressed or capped) is
    not where the window says: at once outside it; inside it, at once when consent, address or
    a cap judged it first, else suppressed at once (`discard`) or at the window's end, the
    next such local time in the journey's zone (`queue`)."""
    if stopped_a_loop(lines):
        return None  # a traced send may not have been made
    made = collections.defaultdict(collections.deque)  # (journey, profile, key, step) -> lines
    for line in lines:
        if line["kind"] in QUEUED_SEND_KINDS:
            made[line["journey"], line["profile"], str(line.get("key")), line["step"]].append(line)
    until = clock_end(lines, records)
    following, _ = neighbours_in(traced)
    for i, (time, journey, profile, key, what) in enumerate(traced):
        at = re.fullmatch(r"step (\S+:(\d+):\d+)", what)
        window = generator.quiet.get(journey)
        if not (at and window and program_lines[int(at.group(2)) - 1].strip().startswith("send ")):
            continue
        then = traced[following[i]][4] if i in following else ""
        if then == "ends: exit" or then.startswith("ends: error"):
            continue  # its `exit when`, checked before the send, ended the instance
        now, zone = seconds_at(time), journey_zone(journey, generator)
        # A step's line is found by its time, not its order: a send held to the window's end
        # writes after a later instance's send that consent, address or a cap judged at once.
        written = made[journey, profile, key, at.group(1)]
        at_once = next((line for line in written if seconds_of(line) == now), None)
        judged_first = at_once and at_once.get("reason") != "quiet hours" and (
            at_once["kind"] in ("capped", "suppressed"))
        held = quiet_at(now, window, zone) and window.mode == "queue" and not judged_first
        due = next_local_time(now, zone, window.end // 60, window.end % 60, None) if held else now
        line = next((line for line in written if seconds_of(line) == due), None)
        if line is None and held:  # or dropped when exit criteria ended its instance before
            line = next((line for line in written if line.get("reason") == "exited"
                         and now <= seconds_of(line) <= due), None)
        if line:
            written.remove(line)
        elif due <= until:
            return (f"{journey} of {profile}: the send step at {time} ({what}, quiet hours {window} "
                    f"in {zone}) wrote no line at {utc(due)}: {json.dumps(list(written))}")
    # What no step accounts for: a send held past the run's end but written, or written at
    # another time than its step's.
    for (journey, profile, _, _), written in made.items():
        if journey in generator.quiet and written:
            return f"{journey} of {profile}: lines no send step accounts for: {json.dumps(list(written))}"
    return None


def ticks_of(schedule, first, until):
    """The instants in [first, until] at which `schedule` enters the audience's members."""
    if schedule.every == ENTRY_AT:
        return [t for t in [seconds_at(ENTRY_AT)] if first <= t <= until]
    zone = zoneinfo.ZoneInfo(schedule.zone)
    if schedule.every == "hour":  # whenever the local clock reads a whole hour
        quarters = range(int(first) // 900 * 900, int(until) + 1, 900)
        return [t for t in quarters if first <= t and datetime.datetime.fromtimestamp(t, zone).minute == 0]
    # Local times of day: `6h` counts from 1970-01-01T00:00 local, so 00:00, 06:00, 12:00, 18:00.
    times = {"day at 09:00": [(9, 0)], "monday at 10:30": [(10, 30)],
             "6h": [(0, 0), (6, 0), (12, 0), (18, 0)]}[schedule.every]
    day = datetime.datetime.fromtimestamp(first, zone).date() - datetime.timedelta(days=1)
    ticks = []
    while datetime.datetime(day.year, day.month, day.day, tzinfo=zone).timestamp() <= until:
        if schedule.every != "monday at 10:30" or day.weekday() == 0:
            for hour, minute in times:
                t = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp()
                if first <= t <= until:
                    ticks.append(t)
        day += datetime.timedelta(days=1)
    return ticks


def schedule_problem(lines, profiles, records, generator, program_text):
    """A member of VIP that a scheduled journey's tick did not enter (or skip), an entry of one
    that was not due, or a scheduled entry at another time than a tick. A profile whose
    membership changed at the tick's instant (or, for `incremental`, the previous tick's) is
    left out: timers and records at one instant come in an order this script does not model."""
    applied = records_applied(lines, records)
    if not applied:
        return None
    # The clock starts at the first record applied: a rejected one moves no clock.
    first, until = seconds_of(applied[0]), clock_end(lines, records)
    changes = [(seconds_of(line), line["profile"], line["change"]) for line in lines
               if line["kind"] == "audience" and line["audience"] == "VIP"]
    initial = {p["id"] for p in profiles if p["vip"]}
    for journey, schedule in generator.schedules.items():
        ticks = ticks_of(schedule, first, until)
        entered = collections.defaultdict(set)  # tick -> profiles entered or skipped then
        for line in lines:
            if line.get("journey") != journey or line["kind"] not in ("enter", "skipped"):
                continue
            t = seconds_of(line)
            if t not in ticks and f"goto {journey}" not in program_text:
                return f"{journey} entered {line['profile']} at {line['time']}, not a tick of {schedule}"
            entered[t].add(line["profile"])
        previous = None
        for tick in ticks:
            members = set(initial)
            joined = set()  # joined since the previous tick
            unsure = set()
            for t, profile, change in changes:
                if t < tick:
                    (members.add if change == "enter" else members.discard)(profile)
                    if change == "enter" and (previous is None or t > previous):
                        joined.add(profile)
                if t == tick or (schedule.incremental and t == previous):
                    unsure.add(profile)
            due = members if not schedule.incremental or previous is None else members & joined
            for profile in (due ^ entered[tick]) - unsure:
                verb = "entered" if profile in entered[tick] else "did not enter"
                return f"{journey} ({schedule}) {verb} {profile} at the tick {utc(tick)}"
            previous = tick
    return None


Run = collections.namedtuple("Run", "returncode stdout stderr digest loop_stopped")


def run_journey(arguments):
    """`journey run` with `arguments`: its status, its output and error texts (None when larger
    than LARGE_OUTPUT together), the output's digest, and whether it stopped a loop."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        code = subprocess.run([JOURNEY, "run"] + arguments, stdout=out, stderr=err,
                              timeout=300).returncode
        digest, loop_stopped, tail, marker = hashlib.sha256(), False, b"", LOOP_STOPPED.encode()
        out.seek(0)
        for chunk in iter(lambda: out.read(1 << 20), b""):
            digest.update(chunk)
            loop_stopped = loop_stopped or marker in tail + chunk
            tail = chunk[-len(marker):]
        large = out.tell() + err.tell() > LARGE_OUTPUT
        err.seek(max(0, err.tell() - 400) if large else 0)
        stderr = err.read().decode(errors="replace")
        out.seek(0)
        stdout = None if large else out.read().decode()
        return Run(code, stdout, stderr, digest.hexdigest(), loop_stopped)


def checked(run, check, generator, program_text, profiles, records, traced):
    """What is wrong with one run's output (and trace), or None."""
    lines = [json.loads(text) for text in run.stdout.splitlines()]
    program_lines = program_text.splitlines()
    steps = traced_steps(run.stderr) if traced else []
    return (problem_in(lines, run.stderr, generator)
            or schedule_problem(lines, profiles, records, generator, program_text)
            or start_problem(lines, profiles, records, generator, program_text)
            or send_problem(lines, profiles, records)
            or (traced and wait_problem(steps, lines, records, generator, program_lines))
            or (traced and branch_problem(steps, lines, profiles, records, generator, program_lines))
            or (traced and quiet_problem(steps, lines, records, generator, program_lines))
            or (traced and split_problem(steps, program_lines))
            or None)


def main():
    rng = random.Random(SEED)
    generator = Generator(rng)
    work = tempfile.mkdtemp(prefix="random_journeys_")
    program_path = os.path.join(work, "main.journey")
    profiles_path = os.path.join(work, "profiles.jsonl")
    events_path = os.path.join(work, "events.jsonl")
    ran = failed = 0
    large = set()  # cases whose output was too large to check line by line
    for case in range(COUNT):
        program_text = generator.program()
        with open(program_path, "w") as f:
            f.write(program_text)
        profiles, records = generator.inputs()
        with open(profiles_path, "w") as f:
            f.writelines(json.dumps(p) + "\n" for p in profiles)
        with open(events_path, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)
        check = subprocess.run([JOURNEY, "check", program_path], capture_output=True, text=True,
                               timeout=120)
        if check.returncode == 1:
            continue  # generated wrongly (a `goto` between different events): skipped
        problem = None if check.returncode == 0 else f"check ended with status {check.returncode}"
        artifact_path = os.path.join(work, "main.jart")
        if not problem:
            built = subprocess.run([JOURNEY, "build", program_path, "-o", artifact_path],
                                   capture_output=True, text=True, timeout=120)
            if built.returncode != 0:
                problem = f"build ended with status {built.returncode}: {built.stderr[-400:]}"
        runs = {}
        for label, program, engine, threads, trace in [
                ("the interpreter", program_path, "interp", "1", []),
                ("the JIT", program_path, "jit", "1", []),
                ("two threads", program_path, "interp", "2", []),
                ("the artifact", artifact_path, "interp", "1", []),
                ("a traced run", program_path, "interp", "1", ["--trace"])]:
            if problem:
                break
            try:
                run = run_journey([program, "--profiles", profiles_path, "--events", events_path,
                                   "--until", UNTIL, "--rejected", "-", "--engine", engine,
                                   "--threads", threads] + trace)
            except subprocess.TimeoutExpired:
                problem = f"{label}: no end after 300 s"
                break
            if run.returncode != 0:
                problem = f"{label}: status {run.returncode}: {run.stderr[-400:]}"
                break
            runs[label] = run.digest
            if run.loop_stopped and "W0104" not in check.stderr:
                problem = "the runtime stopped a loop that the checker did not warn about"
            elif run.stdout is None:
                large.add(case)
            else:
                problem = checked(run, check, generator, program_text, profiles, records, trace)
        if not problem and len(set(runs.values())) != 1:
            problem = "different output from " + ", ".join(
                label for label, out in runs.items() if out != runs["the interpreter"])
        ran += 1
        if problem:
            failed += 1
            kept = os.path.join(tempfile.gettempdir(), f"random_journey_{SEED}_{case}")
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(work, kept)
            print(f"case {case}: {problem}\n  program and inputs kept in {kept}")
    shutil.rmtree(work, ignore_errors=True)
    if large:
        print(f"cases {sorted(large)}: outputs over {LARGE_OUTPUT} bytes, only compared between runs")
    if SEEN:
        print("the checks met: " + ", ".join(f"{what} {n}" for what, n in sorted(SEEN.items())))
    print(f"{ran} programs run, {COUNT - ran} did not check; {ran - failed} passed, {failed} failed")
    if ran < COUNT // 2:
        print("most generated programs did not check: the generator needs fixing")
        sys.exit(1)
    sys.exit(1 if failed else 0)


main()
