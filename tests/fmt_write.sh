#!/usr/bin/env bash
# `journey fmt -w`: rewrites a file that changes (keeping its permissions, leaving no temporary
# behind and no file of the user's named like one written over; through a symbolic link, the
# file behind it), does not touch one that is already formatted (same inode and time), and
# leaves as they were a file with a syntax error and a read-only one (even run as root).
#   tests/fmt_write.sh JOURNEY UNFORMATTED.journey BROKEN.journey
set -u
journey=$1
unformatted=$2
broken=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp "$unformatted" "$dir/a.journey"
chmod 640 "$dir/a.journey"
echo "the user's own" > "$dir/a.journey.tmp"  # a name a temporary must not take
"$journey" fmt "$dir/a.journey" > "$dir/expected" || fail "fmt failed"
cmp -s "$dir/a.journey" "$dir/expected" && fail "the case is already formatted: it tests nothing"
"$journey" fmt -w "$dir/a.journey" > "$dir/out" 2>&1 || fail "fmt -w exited $?: $(cat "$dir/out")"
[ -s "$dir/out" ] && fail "fmt -w printed: $(cat "$dir/out")"
cmp -s "$dir/a.journey" "$dir/expected" || fail "the file was not rewritten as fmt prints it"
[ "$(stat -c %a "$dir/a.journey")" = 640 ] || fail "permissions not kept: $(stat -c %a "$dir/a.journey")"
[ "$(cat "$dir/a.journey.tmp")" = "the user's own" ] || fail "a file named like a temporary was changed"
leftover=$(find "$dir" -name 'a.journey.*' ! -name a.journey.tmp)
[ -n "$leftover" ] && fail "a temporary file was left behind: $leftover"

before=$(stat -c '%i %Y' "$dir/a.journey")
sleep 1
"$journey" fmt -w "$dir/a.journey" || fail "fmt -w of a formatted file exited $?"
[ "$(stat -c '%i %Y' "$dir/a.journey")" = "$before" ] || fail "a formatted file was written again"

cp "$unformatted" "$dir/c.journey"
ln -s c.journey "$dir/link.journey"
"$journey" fmt -w "$dir/link.journey" || fail "fmt -w through a link exited $?"
[ -L "$dir/link.journey" ] || fail "the link was replaced by a file"
cmp -s "$dir/c.journey" "$dir/expected" || fail "the file behind the link was not rewritten"

cp "$broken" "$dir/b.journey"
"$journey" fmt -w "$dir/b.journey" > "$dir/out" 2>&1
status=$?
[ $status = 1 ] || fail "a file with a syntax error: exit $status"
grep -q 'error\[E' "$dir/out" || fail "no diagnostic for the syntax error: $(cat "$dir/out")"
cmp -s "$dir/b.journey" "$broken" || fail "a file with a syntax error was changed"
cp "$unformatted" "$dir/r.journey"
chmod 444 "$dir/r.journey"
"$journey" fmt -w "$dir/r.journey" > "$dir/out" 2>&1
status=$?
[ $status = 1 ] || fail "a read-only file: exit $status"
grep -q 'read-only (mode 0444)' "$dir/out" || fail "no reason for the read-only file: $(cat "$dir/out")"
cmp -s "$dir/r.journey" "$unformatted" || fail "a read-only file was changed"
[ "$(stat -c %a "$dir/r.journey")" = 444 ] || fail "a read-only file's mode changed"
echo "ok: rewritten once, then left alone; through a link; the broken and read-only files untouched"
