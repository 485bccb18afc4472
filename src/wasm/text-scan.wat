;; The loops of a whole-repository scan that look at every character, in WebAssembly: the
;; keyword prefilter (src/prefilter.ts), the base64 run finder (src/decode.ts), the line count
;; (src/engine.ts, src/scan/file-chunks.ts) and the narrowing of a text's UTF-16 units to bytes
;; (src/text-bytes.ts). Each
;; does exactly what the JavaScript loop it stands for does (test/unit/text-scan.test.ts holds
;; them to it); they are 2 to 6 times faster: WebAssembly has no bounds check on each read,
;; and looks at 16 or 64 bytes at a time (SIMD) to count lines and skip what holds no base64 run.
;;
;; Compiled by scripts/build.ts (wabt) to dist/src/wasm/text-scan.wasm, and into each bundle.
;;
;; Memory, laid out by src/wasm/text-scan.ts, which fills the tables:
;;   0        LOWER    256 bytes: the lower-case ASCII code of a byte, 0 beyond ASCII
;;   256      CLASS    256 bytes: 3 for the base64 alphabet, 2 for `_` and `-`, else 0
;;   512      SEXTET   256 bytes, and LETTERS at 768 (see textRuns)
;;   1024     NEXT     u16[(groups + 1) << 7]: (group << 7 | next character) -> 1 + bucket, or 0
;;   66560    BUCKETS  u32 per bucket, then the buckets' keyword ids and the keywords (see keywords)
;;   131072   HITS     HIT_CAP pairs of i32 (offset, keyword id)
;;   655360   PREFIX   u8[1 << 23]: the last `gram` characters, case-folded (see keywords) -> 1 + group, or 0
;;   9043968  TEXT     the text, a byte per UTF-16 unit, then a 0
;;   after it, free room for the caller: UTF-16 units to narrow, or base64 runs out

(module
  (memory (export "memory") 139)

  ;; Up to 65536 hits per call; `resume` says where the next call starts (n when done).
  (global $HIT_CAP i32 (i32.const 65536))
  (global $resume (export "resume") (mut i32) (i32.const 0))
  ;; keywords's gram - 1.
  (global $back (mut i32) (i32.const 0))

  ;; findInBytes of src/prefilter.ts: at each offset i, the last `gram` characters name a group of
  ;; keywords by their prefix, and the character after them a bucket of the group; each keyword
  ;; of the bucket is compared where the prefix starts. Writes (offset, keyword id) pairs to HITS
  ;; for the keywords found there, from offset `start` on, and returns how many.
  ;;
  ;; The last three characters are read as one 32-bit word ending at i, case-folded by setting
  ;; bit 5 (A-Z become a-z) and cut to 7 bits each, to index PREFIX (u8[1 << 23], mostly pages
  ;; never written; for a prefix under three characters, the entries for every character before
  ;; it are set). findInBytes's hash instead chains each character onto the last: two operations
  ;; each step had to wait for, 2 cycles a byte, where nothing here waits on the step before
  ;; (measured on the keyword pass alone: bench/corpus.ts's texts 1.03 -> 0.65 ns a byte, a
  ;; node_modules' 0.92 -> 0.55).
  ;; Folding also pairs characters no keyword tells apart (`_` and DEL, `-` and CR): those are
  ;; only looked at more closely, as each keyword is compared lower-cased (LOWER) in full.
  ;;   BUCKETS (at 66560): u32 per bucket, its first entry in `lists` | its size << 16
  ;;   lists: u16 keyword ids; keywords: 32 bytes each, the length then the lower-case characters
  (func (export "keywords") (param $n i32) (param $start i32) (param $gram i32) (param $lists i32) (param $keywords i32) (result i32)
    (local $i i32) (local $g i32) (local $b i32) (local $k i32)
    (local $at i32) (local $entry i32) (local $e i32) (local $end i32) (local $id i32) (local $word i32) (local $length i32) (local $j i32)
    ;; In a global, not a local: with `gram` (or a mask made from it) live in the loop, V8 compiled
    ;; it 20-40% slower.
    (global.set $back (i32.sub (local.get $gram) (i32.const 1)))
    ;; The first offset where `gram` characters from `start` end: no hit starts before `start`.
    ;; (The word's bytes before them, which are PREFIX's last bytes at the text's start, match
    ;; any character there.)
    (local.set $i (i32.add (local.get $start) (global.get $back)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $g
          (i32.load8_u offset=655360
            (i32.and (i32.or (i32.load offset=9043966 (local.get $i)) (i32.const 0x202020)) (i32.const 0x7f7f7f))))
        (if (local.get $g)
          (then
            ;; The character after the prefix; TEXT[n] is 0.
            (local.set $b
              (i32.load16_u offset=1024
                (i32.shl
                  (i32.or (i32.shl (local.get $g) (i32.const 7)) (i32.load8_u (i32.load8_u offset=9043969 (local.get $i))))
                  (i32.const 1))))
            (if (local.get $b)
              (then
                (local.set $at (i32.sub (local.get $i) (global.get $back)))
                (local.set $entry (i32.load offset=66560 (i32.shl (local.get $b) (i32.const 2))))
                (local.set $e (i32.and (local.get $entry) (i32.const 0xffff)))
                (local.set $end (i32.add (local.get $e) (i32.shr_u (local.get $entry) (i32.const 16))))
                ;; No room for every keyword of the bucket: the next call starts here.
                (if (i32.gt_u (i32.add (local.get $k) (i32.shr_u (local.get $entry) (i32.const 16))) (global.get $HIT_CAP))
                  (then (global.set $resume (local.get $at)) (return (local.get $k))))
                (loop $keyword
                  (if (i32.lt_u (local.get $e) (local.get $end))
                    (then
                      (local.set $id (i32.load16_u (i32.add (local.get $lists) (i32.shl (local.get $e) (i32.const 1)))))
                      (local.set $word (i32.add (local.get $keywords) (i32.shl (local.get $id) (i32.const 5))))
                      (local.set $length (i32.load8_u (local.get $word)))
                      (if (i32.le_u (i32.add (local.get $at) (local.get $length)) (local.get $n))
                        (then
                          (local.set $j (i32.const 0))
                          (block $differ
                            (loop $compare
                              (br_if $differ (i32.ge_u (local.get $j) (local.get $length)))
                              (br_if $differ
                                (i32.ne
                                  (i32.load8_u (i32.load8_u offset=9043968 (i32.add (local.get $at) (local.get $j))))
                                  (i32.load8_u offset=1 (i32.add (local.get $word) (local.get $j)))))
                              (local.set $j (i32.add (local.get $j) (i32.const 1)))
                              (br $compare)))
                          (if (i32.eq (local.get $j) (local.get $length))
                            (then
                              (i32.store offset=131072 (i32.shl (local.get $k) (i32.const 3)) (local.get $at))
                              (i32.store offset=131076 (i32.shl (local.get $k) (i32.const 3)) (local.get $id))
                              (local.set $k (i32.add (local.get $k) (i32.const 1)))))))
                      (local.set $e (i32.add (local.get $e) (i32.const 1)))
                      (br $keyword))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (global.set $resume (local.get $n))
    (local.get $k))

    ;; runsIn of src/decode.ts: maximal runs of word characters (CLASS != 0) made only of the
  ;; base64 alphabet (CLASS 3), 20 to 65536 long, then at most two `=` and a character that is
  ;; neither. Writes (offset, length with the `=`) pairs at `out` (room for n / 21 + 1 pairs:
  ;; runs are 20 long and apart) and returns how many.
  ;;
  ;; Only a word of 20 characters or more can hold a run. 64 bytes at a time, a mask of the word
  ;; characters tells whether one starts in them (or goes on from the 64 before); where none
  ;; does, they are skipped. At the start of such a word, runsIn's loop takes one step, which
  ;; ends after the word; the last 63 bytes or fewer are left to that loop.
  (func (export "base64Runs") (param $n i32) (param $out i32) (result i32)
    (local $i i32) (local $k i32) (local $j i32) (local $end i32) (local $c i32) (local $skip i32) (local $count i32)
    (local $carry i32) (local $lead i32) (local $block i32) (local $bits i64) (local $runs i64) (local $oneStep i32)
    (local $v v128) (local $m i32)
    (block $done
      (loop $scan
        ;; Invariant: i is 0 or follows a character that is not a word character.
        (local.set $carry (i32.const 0))
        (local.set $oneStep (i32.const 1))
        (block $wordFound
          (loop $window
            (if (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $n))
              (then
                ;; The rest, by runsIn's loop, from the start of a word the last window ended in.
                (local.set $i (i32.sub (local.get $i) (local.get $carry)))
                (local.set $oneStep (i32.const 0))
                (br $wordFound)))
            ;; bits: bit b set when TEXT[i + b] is a letter, digit, +, /, _ or -.
            (local.set $bits (i64.const 0))
            (local.set $block (i32.const 0))
            (loop $sixteen
              (local.set $v (v128.load offset=9043968 (i32.add (local.get $i) (local.get $block))))
              (local.set $bits
                (i64.or (local.get $bits)
                  (i64.shl
                    (i64.extend_i32_u
                      (i8x16.bitmask
                        (v128.or
                          (v128.or
                            ;; a letter: (byte | 0x20) - 'a' < 26
                            (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 97))) (i8x16.splat (i32.const 26)))
                            ;; a digit
                            (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10))))
                          (v128.or
                            ;; - and / (0x2d | 2 = 0x2f), + and _
                            (i8x16.eq (v128.or (local.get $v) (i8x16.splat (i32.const 2))) (i8x16.splat (i32.const 0x2f)))
                            (v128.or
                              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2b)))
                              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5f))))))))
                    (i64.extend_i32_u (local.get $block)))))
              (local.set $block (i32.add (local.get $block) (i32.const 16)))
              (br_if $sixteen (i32.lt_u (local.get $block) (i32.const 64))))
            ;; A word going on from the window before, 20 long with its first characters here.
            (local.set $lead (i32.wrap_i64 (i64.ctz (i64.xor (local.get $bits) (i64.const -1)))))
            (if (i32.and (i32.ne (local.get $carry) (i32.const 0))
                         (i32.ge_u (i32.add (local.get $carry) (local.get $lead)) (i32.const 20)))
              (then (local.set $i (i32.sub (local.get $i) (local.get $carry))) (br $wordFound)))
            ;; runs: bit b set when bits b to b + 19 are (the first such b starts its word).
            (local.set $runs (i64.and (local.get $bits) (i64.shr_u (local.get $bits) (i64.const 1))))
            (local.set $runs (i64.and (local.get $runs) (i64.shr_u (local.get $runs) (i64.const 2))))
            (local.set $runs (i64.and (local.get $runs) (i64.shr_u (local.get $runs) (i64.const 4))))
            (local.set $runs (i64.and (local.get $runs) (i64.shr_u (local.get $runs) (i64.const 8))))
            (local.set $runs (i64.and (local.get $runs) (i64.shr_u (local.get $runs) (i64.const 4))))
            (if (i64.ne (local.get $runs) (i64.const 0))
              (then (local.set $i (i32.add (local.get $i) (i32.wrap_i64 (i64.ctz (local.get $runs))))) (br $wordFound)))
            ;; The word characters the window ends with, which the next one may go on.
            (local.set $carry (i32.wrap_i64 (i64.clz (i64.xor (local.get $bits) (i64.const -1)))))
            (local.set $i (i32.add (local.get $i) (i32.const 64)))
            (br $window)))
        (loop $step
          (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 20)) (local.get $n)))
          (block $stepDone
            (block $skipWord
              (local.set $c (i32.load8_u offset=256 (i32.load8_u offset=9043968 (local.get $i))))
              (if (i32.eqz (local.get $c))
                (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $stepDone)))
              (local.set $skip (i32.add (local.get $i) (i32.const 1)))
              (br_if $skipWord (i32.ne (local.get $c) (i32.const 3)))
              ;; The 20th character first: short words are skipped without reading each character.
              (local.set $c (i32.load8_u offset=256 (i32.load8_u offset=9043987 (local.get $i))))
              (if (i32.eqz (local.get $c))
                (then (local.set $i (i32.add (local.get $i) (i32.const 20))) (br $stepDone)))
              (local.set $skip (i32.add (local.get $i) (i32.const 20)))
              (br_if $skipWord (i32.ne (local.get $c) (i32.const 3)))
              (local.set $k (i32.add (local.get $i) (i32.const 18)))
              (block $kDone
                (loop $kBack
                  (br_if $kDone (i32.le_u (local.get $k) (local.get $i)))
                  (br_if $kDone (i32.ne (i32.load8_u offset=256 (i32.load8_u offset=9043968 (local.get $k))) (i32.const 3)))
                  (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                  (br $kBack)))
              (if (i32.gt_u (local.get $k) (local.get $i))
                (then
                  (if (i32.eqz (i32.load8_u offset=256 (i32.load8_u offset=9043968 (local.get $k))))
                    (then (local.set $i (i32.add (local.get $k) (i32.const 1))) (br $stepDone)))
                  (br $skipWord)))
              ;; 20 alphabet characters from i: find where they end (TEXT[n] is 0, which ends them),
              ;; 16 at a time (so are words skipped below): a character at a time, the long words
              ;; of minified code were a seventh of this function's time.
              (local.set $j (i32.add (local.get $i) (i32.const 20)))
              (loop $forward
                (local.set $v (v128.load offset=9043968 (local.get $j)))
                (local.set $m (i32.xor (i8x16.bitmask
                    (v128.or
                      (v128.or
                        (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 97))) (i8x16.splat (i32.const 26)))
                        (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10))))
                      (v128.or
                        (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2f)))
                        (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2b)))))) (i32.const 0xffff)))
                (if (i32.eqz (local.get $m))
                  (then (local.set $j (i32.add (local.get $j) (i32.const 16))) (br $forward)))
                (local.set $j (i32.add (local.get $j) (i32.ctz (local.get $m)))))
              (if (i32.eqz (i32.load8_u offset=256 (i32.load8_u offset=9043968 (local.get $j))))
                (then
                  (local.set $end (local.get $j))
                  (loop $equals
                    (if (i32.eq (i32.load8_u offset=9043968 (local.get $end)) (i32.const 61))
                      (then (local.set $end (i32.add (local.get $end) (i32.const 1))) (br $equals))))
                  (if (i32.and
                        (i32.and
                          (i32.le_u (i32.sub (local.get $j) (local.get $i)) (i32.const 65536))
                          (i32.le_u (i32.sub (local.get $end) (local.get $j)) (i32.const 2)))
                        (i32.eqz (i32.load8_u offset=256 (i32.load8_u offset=9043968 (local.get $end)))))
                    (then
                      (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))) (local.get $i))
                      (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3)))
                        (i32.sub (local.get $end) (local.get $i)))
                      (local.set $count (i32.add (local.get $count) (i32.const 1)))))
                  (local.set $i (local.get $j))
                  (br $stepDone)))
              (local.set $skip (local.get $j)))
            ;; A word holding `_` or `-`, or too long: no run starts inside it.
            (local.set $i (local.get $skip))
            (loop $word
              (local.set $v (v128.load offset=9043968 (local.get $i)))
              (local.set $m (i32.xor (i8x16.bitmask
                    (v128.or
                      (v128.or
                        (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 97))) (i8x16.splat (i32.const 26)))
                        (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10))))
                      (v128.or
                        (i8x16.eq (v128.or (local.get $v) (i8x16.splat (i32.const 2))) (i8x16.splat (i32.const 0x2f)))
                        (v128.or
                          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2b)))
                          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5f))))))) (i32.const 0xffff)))
              (if (i32.eqz (local.get $m))
                (then (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $word)))
              (local.set $i (i32.add (local.get $i) (i32.ctz (local.get $m))))))
          ;; Back to the windows after the word; in the last bytes, runsIn's loop goes on.
          (br_if $scan (local.get $oneStep))
          (br $step))))
    (local.get $count))

;; The base64 runs, at `runs`, that decodeBase64Text of src/decode.ts does not reject at
  ;; once, kept in place; returns how many. It rejects a run of only lower-case letters, only
  ;; upper-case letters or only hex digits, one that decodes to fewer than 12 bytes or whose
  ;; length without `=` leaves 1 over 4, and one that decodes to under 95% printable bytes
  ;; (tab, newline, carriage return, space to `~`). Most runs in source code are identifiers,
  ;; hashes and paths.
  ;;   SEXTET (at 512): the 6-bit value of each base64 character
  ;;   LETTERS (at 768): 1 lower-case, 2 upper-case, 4 digit, 8 a letter past f, 16 `+` or `/`, 32 `=`
  (func (export "textRuns") (param $runs i32) (param $count i32) (result i32)
    (local $r i32) (local $kept i32) (local $at i32) (local $length i32) (local $end i32) (local $i i32)
    (local $seen i32) (local $total i32) (local $bad i32) (local $bits i32) (local $k i32)
    (block $done
      (loop $run
        (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
        (local.set $at (i32.load (i32.add (local.get $runs) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $length (i32.load offset=4 (i32.add (local.get $runs) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (local.set $end (i32.add (local.get $at) (local.get $length)))
        (loop $unpad
          (if (i32.eq (i32.load8_u offset=9043967 (local.get $end)) (i32.const 61))
            (then (local.set $end (i32.sub (local.get $end) (i32.const 1))) (br $unpad))))
        (local.set $seen (i32.const 0))
        (local.set $i (local.get $at))
        (loop $letters
          (local.set $seen (i32.or (local.get $seen) (i32.load8_u offset=768 (i32.load8_u offset=9043968 (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $letters (i32.lt_u (local.get $i) (i32.add (local.get $at) (local.get $length)))))
        ;; /^[a-z]+$|^[A-Z]+$|^[0-9a-fA-F]+$/, tested on the run with its `=`
        (br_if $run (i32.eqz (i32.and (local.get $seen) (i32.const 54))))
        (br_if $run (i32.eqz (i32.and (local.get $seen) (i32.const 53))))
        (br_if $run (i32.eqz (i32.and (local.get $seen) (i32.const 56))))
        (br_if $run (i32.eq (i32.and (i32.sub (local.get $end) (local.get $at)) (i32.const 3)) (i32.const 1)))
        (local.set $total (i32.shr_u (i32.mul (i32.sub (local.get $end) (local.get $at)) (i32.const 3)) (i32.const 2)))
        (br_if $run (i32.lt_u (local.get $total) (i32.const 12)))
        ;; Decoded as Buffer.from(run, 'base64') does: 4 characters to 3 bytes, then 2 to 1 or 3 to 2.
        (local.set $bad (i32.const 0))
        (local.set $bits (i32.const 0))
        (local.set $k (i32.const 0))
        (local.set $i (local.get $at))
        (loop $decode
          (local.set $bits (i32.or (i32.shl (local.get $bits) (i32.const 6)) (i32.load8_u offset=512 (i32.load8_u offset=9043968 (local.get $i)))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (if (i32.eq (local.get $k) (i32.const 4))
            (then
              (local.set $bad (i32.add (local.get $bad)
                (i32.add (call $unprintable (i32.shr_u (local.get $bits) (i32.const 16)))
                  (i32.add (call $unprintable (i32.shr_u (local.get $bits) (i32.const 8))) (call $unprintable (local.get $bits))))))
              (local.set $bits (i32.const 0))
              (local.set $k (i32.const 0))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $decode (i32.lt_u (local.get $i) (local.get $end))))
        (if (i32.eq (local.get $k) (i32.const 2))
          (then (local.set $bad (i32.add (local.get $bad) (call $unprintable (i32.shr_u (local.get $bits) (i32.const 4)))))))
        (if (i32.eq (local.get $k) (i32.const 3))
          (then (local.set $bad (i32.add (local.get $bad)
            (i32.add (call $unprintable (i32.shr_u (local.get $bits) (i32.const 10))) (call $unprintable (i32.shr_u (local.get $bits) (i32.const 2))))))))
        ;; printable / total < 0.95, in doubles as decodeBase64Text compares
        (br_if $run
          (f64.lt
            (f64.div (f64.convert_i32_u (i32.sub (local.get $total) (local.get $bad))) (f64.convert_i32_u (local.get $total)))
            (f64.const 0.95)))
        (i32.store (i32.add (local.get $runs) (i32.shl (local.get $kept) (i32.const 3))) (local.get $at))
        (i32.store offset=4 (i32.add (local.get $runs) (i32.shl (local.get $kept) (i32.const 3))) (local.get $length))
        (local.set $kept (i32.add (local.get $kept) (i32.const 1)))
        (br $run)))
    (local.get $kept))

  ;; 1 if the low byte of `value` is not printable: tab, newline, carriage return, space to `~`.
  (func $unprintable (param $value i32) (result i32)
    (local $byte i32)
    (local.set $byte (i32.and (local.get $value) (i32.const 255)))
    (i32.eqz
      (i32.or
        (i32.lt_u (i32.sub (local.get $byte) (i32.const 0x20)) (i32.const 0x5f))
        (i32.or (i32.eq (local.get $byte) (i32.const 9)) (i32.or (i32.eq (local.get $byte) (i32.const 10)) (i32.eq (local.get $byte) (i32.const 13)))))))

  ;; How many newlines the text holds from `start` to n, 16 bytes at a time.
  (func (export "newlines") (param $start i32) (param $n i32) (result i32)
    (local $i i32) (local $count i32) (local $whole i32)
    (local.set $i (local.get $start))
    (local.set $whole (i32.sub (local.get $n) (i32.and (i32.sub (local.get $n) (local.get $start)) (i32.const 15))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $whole)))
        (local.set $count
          (i32.add (local.get $count)
            (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load offset=9043968 (local.get $i)) (i8x16.splat (i32.const 10)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $count (i32.add (local.get $count) (i32.eq (i32.load8_u offset=9043968 (local.get $i)) (i32.const 10))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (local.get $count))

  ;; The runs of bytes beyond ASCII in TEXT's first n bytes (a UTF-8 text's characters beyond
  ;; ASCII, and any invalid bytes), as (start, end) pairs at `out`, 16 bytes at a time where
  ;; none is. Stops at cap + 1 runs: the caller decodes a text with more as a whole.
  (func (export "wideRuns") (param $n i32) (param $out i32) (param $cap i32) (result i32)
    (local $i i32) (local $start i32) (local $count i32) (local $whole i32)
    (local.set $whole (i32.sub (local.get $n) (i32.const 16)))
    (block $done
      (loop $run
        ;; Past whole blocks of ASCII, then byte by byte to the next byte beyond it.
        (block $found
          (loop $block
            (br_if $found (i32.gt_s (local.get $i) (local.get $whole)))
            (br_if $found (i8x16.bitmask (v128.load offset=9043968 (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $block)))
        (block $wide
          (loop $byte
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (br_if $wide (i32.ge_u (i32.load8_u offset=9043968 (local.get $i)) (i32.const 0x80)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $byte)))
        (local.set $start (local.get $i))
        (block $ascii
          (loop $rest
            (br_if $ascii (i32.ge_u (local.get $i) (local.get $n)))
            (br_if $ascii (i32.lt_u (i32.load8_u offset=9043968 (local.get $i)) (i32.const 0x80)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rest)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))) (local.get $start))
        (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))) (local.get $i))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br_if $done (i32.gt_u (local.get $count) (local.get $cap)))
        (br $run)))
    (local.get $count))

  ;; n UTF-16 units at `from` to TEXT, a byte each: the unit if it is Latin-1, else 0xff, as
  ;; src/text-bytes.ts's JavaScript copy makes them. 16 units at a time, so it reads up to 30
  ;; bytes past the units and writes up to 15 past TEXT + n: the caller leaves room.
  (func (export "narrow") (param $from i32) (param $n i32)
    (local $i i32) (local $src i32)
    (local.set $src (local.get $from))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (v128.store offset=9043968 (local.get $i)
          (i8x16.narrow_i16x8_u
            (i16x8.min_u (v128.load (local.get $src)) (i16x8.splat (i32.const 255)))
            (i16x8.min_u (v128.load offset=16 (local.get $src)) (i16x8.splat (i32.const 255)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 32)))
        (br $block))))
)
