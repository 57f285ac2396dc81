;; The decoder of npm/src/wasm-text.js: turns the text of an inlined .wasm back into its bytes,
;; in place. Assembled by npm/build.mjs (binaryen's wasm-as, the pinned devDependency).
;; Memory: the table at 0 (a single's byte at its character code; a pair's at
;; 128 × (1 + the prefix's index, 0 or 1) + its second character's code), the text from 512
;; (TEXT_AT), one byte per ASCII character. The two prefixes are `}` and `~` (125 = FIRST_PREFIX,
;; 126); tests/build/wasm-text.test.mjs checks these constants against wasm-text.js. Each character or pair becomes
;; one byte, written at or before where it was read.
(module
  (memory (export "m") 1)
  ;; d(n): decodes the n characters at 512; returns how many bytes it wrote there.
  (func (export "d") (param $n i32) (result i32)
    (local $i i32) (local $o i32) (local $end i32) (local $c i32)
    (local.set $i (i32.const 512))
    (local.set $o (i32.const 512))
    (local.set $end (i32.add (local.get $n) (i32.const 512)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.ge_u (local.get $c) (i32.const 125))
          (then
            (i32.store8 (local.get $o)
              (i32.load8_u (i32.add (i32.shl (i32.sub (local.get $c) (i32.const 124)) (i32.const 7))
                                    (i32.load8_u offset=1 (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 2))))
          (else
            (i32.store8 (local.get $o) (i32.load8_u (local.get $c)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $o) (i32.const 512))))
