// Inline assembly (`asm!`) on x86_64: register classes, explicit registers, operand modifiers,
// in/out/inout/lateout, sym and const operands, labels (asm goto), options, clobbers, and
// unwinding out of asm. Deterministic: no cpuid or timing; the AVX/AVX-512 paths print the same
// thing as their fallbacks.
#![feature(asm_unwind, asm_goto_with_outputs)]
use std::arch::asm;
use std::arch::x86_64::*;

fn add(a: u64, b: u64) -> u64 {
    let mut x = a;
    unsafe { asm!("add {0}, {1}", inout(reg) x, in(reg) b) };
    x
}

fn modifiers(x: u64) -> (u64, u64, u64, u64, u64) {
    let (e, w, l, h, r): (u64, u64, u64, u64, u64);
    unsafe {
        // Writing a 32-bit register zeroes the upper half; 16/8-bit writes keep it.
        asm!("mov {0:e}, {1:e}", out(reg) e, in(reg) x);
        asm!("xor {0}, {0}", "mov {0:x}, {1:x}", out(reg) w, in(reg) x);
        asm!("xor {0}, {0}", "mov {0:l}, {1:l}", out(reg_abcd) l, in(reg_abcd) x);
        asm!("xor {0}, {0}", "mov {0:h}, {1:h}", out(reg_abcd) h, in(reg_abcd) x);
        asm!("mov {0:r}, {1:r}", lateout(reg) r, in(reg) x);
    }
    (e, w, l, h, r)
}

fn byte_regs(a: u8, b: u8) -> u8 {
    let mut x = a;
    unsafe { asm!("add {0}, {1}", inout(reg_byte) x, in(reg_byte) b) };
    x
}

fn small_ints(a: u16, b: u32) -> (u16, u32) {
    let (mut x, mut y) = (a, b);
    unsafe {
        asm!("rol {0:x}, 4", inout(reg) x);
        asm!("bswap {0:e}", inout(reg) y);
    }
    (x, y)
}

// Explicit registers; `mul` writes rdx:rax, giving two outputs in a struct.
fn wide_mul(a: u64, b: u64) -> (u64, u64) {
    let (lo, hi): (u64, u64);
    unsafe { asm!("mul {0}", in(reg) b, inlateout("rax") a => lo, lateout("rdx") hi, options(pure, nomem, nostack)) };
    (hi, lo)
}

fn divmod(n: u64, d: u64) -> (u64, u64) {
    let (q, r): (u64, u64);
    unsafe { asm!("div {d}", d = in(reg) d, inout("rax") n => q, inout("rdx") 0u64 => r, options(nomem, nostack)) };
    (q, r)
}

// Early-clobber outputs must not share a register with inputs; `inout ... => _` discards.
fn early_clobber(a: u64, b: u64) -> u64 {
    let out: u64;
    unsafe {
        asm!(
            "mov {o}, {a}",
            "add {o}, {b}",
            "shl {t}, 1",
            o = out(reg) out,
            a = in(reg) a,
            b = in(reg) b,
            t = inout(reg) a => _,
        )
    };
    out
}

// Separate input and output places for one inout operand, with a conversion.
fn inout_split(a: u32) -> i32 {
    let out: i32;
    unsafe { asm!("neg {0:e}", inout(reg) a => out) };
    out
}

fn floats(a: f64, b: f64, c: f32) -> (f64, f32, f64) {
    let mut x = a;
    let mut y = c;
    let z: f64;
    unsafe {
        asm!("addsd {0}, {1}", inout(xmm_reg) x, in(xmm_reg) b, options(pure, nomem, nostack, preserves_flags));
        asm!("mulss {0}, {0}", inout(xmm_reg) y);
        // A float through a general register and explicit xmm registers.
        asm!("movq {t}, xmm0", "movq xmm1, {t}", t = out(reg) _, in("xmm0") b, out("xmm1") z);
    }
    (x, y, z)
}

fn float_in_gpr(a: f64) -> f64 {
    let out: f64;
    unsafe { asm!("btc {0}, 63", inout(reg) a => out) };
    out
}

fn vectors() -> [i32; 4] {
    unsafe {
        let mut a = _mm_setr_epi32(1, 2, 3, 4);
        let b = _mm_setr_epi32(10, 20, 30, 40);
        asm!("paddd {0}, {1}", inout(xmm_reg) a, in(xmm_reg) b);
        std::mem::transmute(a)
    }
}

#[target_feature(enable = "avx2")]
unsafe fn vectors_avx2() -> [i64; 4] {
    let mut a = _mm256_setr_epi64x(1, 2, 3, 4);
    let b = _mm256_setr_epi64x(100, 200, 300, 400);
    let low: __m128i;
    unsafe {
        asm!("vpaddq {0}, {0}, {1}", inout(ymm_reg) a, in(ymm_reg) b);
        // `{:x}` names the xmm half of a ymm register.
        asm!("vmovdqa {0}, {1:x}", out(xmm_reg) low, in(ymm_reg) a);
        std::mem::transmute([_mm256_extracti128_si256::<1>(a), low])
    }
}

#[target_feature(enable = "avx512f")]
unsafe fn vectors_avx512() -> [i64; 4] {
    let a = _mm512_setr_epi64(1, 2, 3, 4, 5, 6, 7, 8);
    let b = _mm512_set1_epi64(100);
    let mut c: __m512i;
    let k: u16;
    unsafe {
        asm!("vpaddq {c}, {a}, {b}", c = out(zmm_reg) c, a = in(zmm_reg) a, b = in(zmm_reg) b);
        asm!("kxnorw {k}, {k}, {k}", "kmovw {o:e}, {k}", k = out(kreg) _, o = out(reg) k);
        asm!("vpaddq {0:y}, {0:y}, {0:y}", inout(zmm_reg) c);
        let v: [i64; 8] = std::mem::transmute(c);
        [v[0], v[3], v[7] - 100, k as i64]
    }
}

static TABLE: [u32; 4] = [7, 11, 13, 17];
static mut COUNTER: u64 = 0;

extern "C" fn callee(x: u64) -> u64 {
    x * 3 + 1
}

fn sym_operands() -> (u32, u64, u64) {
    let t: u32;
    let r: u64;
    unsafe {
        asm!("lea {p}, [rip + {table}]", "mov {t:e}, dword ptr [{p} + 8]", p = out(reg) _, t = out(reg) t, table = sym TABLE, options(readonly, nostack));
        asm!("add qword ptr [rip + {c}], {n}", c = sym COUNTER, n = const 5);
        asm!("add qword ptr [rip + {c}], {n}", c = sym COUNTER, n = const 2 * 10 + 1);
        asm!("call {f}", f = sym callee, in("rdi") 20u64, lateout("rax") r, clobber_abi("C"));
    }
    (t, unsafe { COUNTER }, r)
}

fn consts<const N: u64>() -> u64 {
    let x: u64;
    unsafe { asm!("mov {0}, {n}", out(reg) x, n = const N * 3, options(pure, nomem, nostack)) };
    x
}

fn goto(x: u64) -> &'static str {
    unsafe {
        asm!("cmp {0}, 10", "jb {small}", "cmp {0}, 100", "jb {medium}", in(reg) x,
            small = label { return "small" },
            medium = label { return "medium" },
        );
    }
    "large"
}

// asm goto with an output: the output is stored on both the fallthrough and the label path.
fn goto_with_output(x: u64) -> (bool, u64) {
    let y: u64;
    unsafe {
        asm!("lea {y}, [{x} + 1]", "cmp {x}, 5", "ja {big}", x = in(reg) x, y = out(reg) y,
            big = label { return (true, y * 10) });
    }
    (false, y)
}

fn goto_loop(n: u32) -> u32 {
    let mut count = 0;
    let mut i = 0u32;
    loop {
        unsafe {
            asm!("test {0:e}, 1", "jnz {odd}", in(reg) i, odd = label { count += 1 });
        }
        i += 1;
        if i == n {
            break count;
        }
    }
}

fn att(a: u64, b: u64) -> u64 {
    let mut x = a;
    unsafe { asm!("imulq {1}, {0}", "movl ${k}, %eax", "addq %rax, {0}", inout(reg) x, in(reg) b, k = const 1000, out("eax") _, options(att_syntax)) };
    x
}

fn raw_and_escapes() -> u64 {
    let x: u64;
    unsafe {
        asm!("nop # {braces} and $dollars are text here", options(raw, nomem, nostack, preserves_flags));
        asm!("mov {0}, 0x24 # '$' in a comment", out(reg) x);
    }
    x
}

fn memory_through_asm(v: &mut [u64; 3]) -> u64 {
    let sum: u64;
    unsafe {
        asm!("mov {s}, qword ptr [{p}]", "add {s}, qword ptr [{p} + 8]", "add {s}, qword ptr [{p} + 16]",
            p = in(reg) v.as_ptr(), s = out(reg) sum, options(pure, readonly, nostack));
        asm!("mov qword ptr [{p} + 8], {x}", p = in(reg) v.as_mut_ptr(), x = in(reg) 99u64, options(nostack, preserves_flags));
    }
    sum
}

fn x87(x: f64) -> f64 {
    let mut out = 0.0f64;
    unsafe {
        asm!("fld qword ptr [{x}]", "fld1", "faddp", "fstp qword ptr [{o}]",
            x = in(reg) &x, o = in(reg) &mut out,
            out("st(0)") _, out("st(1)") _, out("mm0") _);
    }
    out
}

fn stack_use() -> u64 {
    let x: u64;
    unsafe { asm!("push 77", "pop {0}", out(reg) x) };
    x
}

fn pointers(p: *const u8) -> *const u8 {
    let q: *const u8;
    unsafe { asm!("lea {0}, [{1} + 3]", out(reg) q, in(reg) p, options(pure, nomem, nostack)) };
    q
}

extern "C-unwind" fn panicker() {
    panic!("panic from inside asm");
}

fn unwind_through_asm() -> bool {
    std::panic::catch_unwind(|| unsafe {
        asm!("call {}", sym panicker, clobber_abi("C"), options(may_unwind));
    })
    .is_err()
}

extern "C" fn finish() -> ! {
    println!("finished through a noreturn asm call");
    std::process::exit(0)
}

fn main() {
    println!("add: {}", add(40, 2));
    let (e, w, l, h, r) = modifiers(0x1122_3344_5566_7788);
    println!("modifiers: {e:#x} {w:#x} {l:#x} {h:#x} {r:#x}");
    println!("byte regs: {}", byte_regs(200, 55));
    let (x, y) = small_ints(0x1234, 0x1122_3344);
    println!("small ints: {x:#x} {y:#x}");
    let (hi, lo) = wide_mul(u64::MAX, 3);
    println!("wide mul: {hi} {lo}");
    println!("divmod: {:?}", divmod(1000, 7));
    println!("early clobber: {}", early_clobber(5, 6));
    println!("inout split: {}", inout_split(12));
    println!("floats: {:?}", floats(1.5, 2.25, 3.0));
    println!("float in gpr: {}", float_in_gpr(2.5));
    println!("vectors: {:?}", vectors());
    let avx2 = if is_x86_feature_detected!("avx2") { unsafe { vectors_avx2() } } else { [303, 404, 101, 202] };
    println!("avx2: {avx2:?}");
    let avx512 = if is_x86_feature_detected!("avx512f") { unsafe { vectors_avx512() } } else { [202, 208, -100, 65535] };
    println!("avx512: {avx512:?}");
    println!("sym: {:?}", sym_operands());
    println!("consts: {} {}", consts::<7>(), consts::<1000>());
    println!("goto: {} {} {}", goto(3), goto(50), goto(500));
    println!("goto with output: {:?} {:?}", goto_with_output(2), goto_with_output(9));
    println!("goto loop: {}", goto_loop(11));
    println!("att: {}", att(6, 7));
    println!("raw: {}", raw_and_escapes());
    let mut v = [1, 2, 3];
    let s = memory_through_asm(&mut v);
    println!("memory: {s} {v:?}");
    println!("x87: {}", x87(2.5));
    println!("stack: {}", stack_use());
    let buf = [0u8; 8];
    println!("pointers: {}", unsafe { pointers(buf.as_ptr()).offset_from(buf.as_ptr()) });
    std::panic::set_hook(Box::new(|info| println!("panic hook: {}", info.payload().downcast_ref::<&str>().unwrap())));
    println!("unwind: {}", unwind_through_asm());
    unsafe { asm!("call {}", sym finish, options(noreturn)) };
}
