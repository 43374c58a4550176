#!/usr/bin/env bash
# make-podcast.sh renders the "Chores FM" mini-episode that the game plays.
#
#   assets/podcast/make-podcast.sh        (from anywhere; writes next to itself)
#
# Inputs:  script.txt (one spoken caption line per line) and this file.
# Outputs: episode.ogg (mono, 22050 Hz, exactly 15.000 s, Vorbis)
#          captions.json ([{"start": s, "end": s, "text": "..."}])
#
# Needs espeak-ng, sox and oggenc (vorbis-tools). Every step is deterministic:
# sox runs without dither (-D), the synthesiser has no random input, and the
# Ogg stream serial number is fixed, so the same inputs give the same text and
# timings (and, with the same tool versions, the same bytes).
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "$0")" && pwd)"
script="$here/script.txt"
out_ogg="$here/episode.ogg"
out_json="$here/captions.json"

for tool in espeak-ng sox soxi oggenc; do
	command -v "$tool" >/dev/null || {
		echo "make-podcast: $tool is missing (apt-get install espeak-ng sox libsox-fmt-all vorbis-tools)" >&2
		exit 1
	}
done

RATE=22050        # sample rate of the episode (mono)
LENGTH=15         # seconds; the game maps 45 virtual minutes onto this
VOICE=en-us       # espeak-ng voice
WPM=175           # speaking speed, words per minute
PITCH=46          # espeak-ng pitch, 0..99
JINGLE_END=2.30   # the jingle fades out by here
SPEECH_START=2.35 # first spoken line starts here
GAP=0.20          # silence between spoken lines
OUTRO_LEN=0.95    # length of the closing sting
TAIL=0.05         # silence after the sting, before 15.000 s

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

S() { sox -D -V1 "$@"; }     # no dither: keeps renders repeatable
dur() { soxi -D "$1"; }

# note NAME FREQ LEN GAIN: a soft mallet-like tone (sine + quiet octave,
# quick attack, long exponential-ish decay).
note() {
	local name=$1 freq=$2 len=$3 gain=$4
	local oct
	oct=$(awk -v f="$freq" 'BEGIN{printf "%.2f", f*2}')
	S -n -r $RATE -c 1 "$work/$name-a.wav" synth "$len" sine "$freq" fade q 0.008 "$len" "$(awk -v l="$len" 'BEGIN{printf "%.3f", l*0.85}')"
	S -n -r $RATE -c 1 "$work/$name-b.wav" synth "$len" sine "$oct" fade q 0.004 "$len" "$(awk -v l="$len" 'BEGIN{printf "%.3f", l*0.95}')" vol 0.18
	S -m -v 1 "$work/$name-a.wav" -v 1 "$work/$name-b.wav" "$work/$name.wav" vol "$gain"
}

# place IN OUT OFFSET: delay IN by OFFSET seconds.
place() { S "$1" "$2" pad "$3"; }

# ---- intro jingle: a rising C major figure that settles on a chord --------
note j1 523.25 0.55 0.50 # C5
note j2 659.25 0.55 0.50 # E5
note j3 783.99 0.55 0.50 # G5
note j4 880.00 0.45 0.40 # A5 (a little lift)
note j5 1046.50 1.10 0.45 # C6, held
note j6 659.25 1.10 0.25 # E5 under it
note j7 523.25 1.10 0.25 # C5 under it
place "$work/j1.wav" "$work/p1.wav" 0.00
place "$work/j2.wav" "$work/p2.wav" 0.22
place "$work/j3.wav" "$work/p3.wav" 0.44
place "$work/j4.wav" "$work/p4.wav" 0.66
place "$work/j5.wav" "$work/p5.wav" 1.05
place "$work/j6.wav" "$work/p6.wav" 1.05
place "$work/j7.wav" "$work/p7.wav" 1.05
S -m -v 1 "$work/p1.wav" -v 1 "$work/p2.wav" -v 1 "$work/p3.wav" -v 1 "$work/p4.wav" \
	-v 1 "$work/p5.wav" -v 1 "$work/p6.wav" -v 1 "$work/p7.wav" "$work/jingle-raw.wav"
S "$work/jingle-raw.wav" "$work/jingle.wav" reverb 25 50 40 trim 0 "$JINGLE_END" fade t 0 "$JINGLE_END" 0.35 gain -n -9

# ---- outro sting: G5 then a soft C major chord -----------------------------
note o1 783.99 0.35 0.45
note o2 1046.50 0.70 0.40
note o3 659.25 0.70 0.25
place "$work/o1.wav" "$work/q1.wav" 0.00
place "$work/o2.wav" "$work/q2.wav" 0.22
place "$work/o3.wav" "$work/q3.wav" 0.22
S -m -v 1 "$work/q1.wav" -v 1 "$work/q2.wav" -v 1 "$work/q3.wav" "$work/outro-raw.wav"
S "$work/outro-raw.wav" "$work/outro.wav" reverb 20 50 30 trim 0 "$OUTRO_LEN" fade t 0 "$OUTRO_LEN" 0.3 gain -n -10

# ---- speech: one file per caption line, silence trimmed at both ends -------
json_escape() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

t=$SPEECH_START
mix_inputs=(-v 1 "$work/jingle.wav")
captions=("{\"start\": 0.000, \"end\": $(printf '%.3f' "$JINGLE_END"), \"text\": \"♪ (intro jingle)\"}")
i=0
while IFS= read -r line || [ -n "$line" ]; do
	[ -n "$line" ] || continue
	i=$((i + 1))
	espeak-ng -v "$VOICE" -s "$WPM" -p "$PITCH" -w "$work/raw$i.wav" -- "$line"
	S "$work/raw$i.wav" -r $RATE -c 1 "$work/say$i.wav" \
		silence 1 0.02 -45d reverse silence 1 0.02 -45d reverse gain -n -3
	d=$(dur "$work/say$i.wav")
	start=$(printf '%.3f' "$t")
	end=$(awk -v a="$t" -v b="$d" 'BEGIN{printf "%.3f", a+b}')
	place "$work/say$i.wav" "$work/said$i.wav" "$start"
	mix_inputs+=(-v 1 "$work/said$i.wav")
	text=$(printf '%s' "$line" | json_escape)
	captions+=("{\"start\": $start, \"end\": $end, \"text\": \"$text\"}")
	t=$(awk -v a="$end" -v g="$GAP" 'BEGIN{printf "%.3f", a+g}')
	last_end=$end
done <"$script"

outro_start=$(awk -v l="$LENGTH" -v o="$OUTRO_LEN" -v z="$TAIL" 'BEGIN{printf "%.3f", l-o-z}')
if awk -v e="$last_end" -v o="$outro_start" 'BEGIN{exit !(e > o - 0.05)}'; then
	echo "make-podcast: speech ends at $last_end s, after the outro starts ($outro_start s); shorten script.txt or raise WPM" >&2
	exit 1
fi
outro_end=$(awk -v a="$outro_start" -v o="$OUTRO_LEN" 'BEGIN{printf "%.3f", a+o}')
place "$work/outro.wav" "$work/outro-placed.wav" "$outro_start"
mix_inputs+=(-v 1 "$work/outro-placed.wav")
captions+=("{\"start\": $outro_start, \"end\": $outro_end, \"text\": \"♪ (outro)\"}")

# ---- mix: exactly LENGTH seconds, normalised to -1 dBFS ---------------------
# A silent bed of the full length makes sure the mix is never shorter.
S -n -r $RATE -c 1 "$work/bed.wav" trim 0 "$LENGTH"
S -m -v 1 "$work/bed.wav" "${mix_inputs[@]}" -b 16 "$work/mix.wav" \
	highpass 60 gain -n -1 trim 0 "$LENGTH"
samples=$(soxi -s "$work/mix.wav")
if [ "$samples" != "$((RATE * LENGTH))" ]; then
	echo "make-podcast: mix has $samples samples, want $((RATE * LENGTH))" >&2
	exit 1
fi

oggenc -Q -q 2 --serial 1 -t "Chores FM" -a "Chores" -c "LICENSE=made by the Chores project" \
	-o "$work/episode.ogg" "$work/mix.wav"
mv "$work/episode.ogg" "$out_ogg"

{
	echo "["
	n=${#captions[@]}
	for ((k = 0; k < n; k++)); do
		sep=","
		[ $k -eq $((n - 1)) ] && sep=""
		echo "  ${captions[$k]}$sep"
	done
	echo "]"
} >"$out_json"

echo "make-podcast: wrote $out_ogg ($(wc -c <"$out_ogg") bytes, $(soxi -D "$out_ogg") s) and $out_json ($i spoken lines)"
