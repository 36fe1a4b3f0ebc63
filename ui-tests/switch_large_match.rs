// Large matches: a dense match (jump table), a sparse match on u32 (binary search / compare
// chain), a match on u64 and i8 with ranges, string matches, and a match on char, each applied to
// many inputs and summarized.
use std::hint::black_box as bb;

#[inline(never)]
fn dense(x: u32) -> u32 {
    match x {
        0 => 11, 1 => 7, 2 => 93, 3 => 4, 4 => 51, 5 => 16, 6 => 8, 7 => 77, 8 => 2, 9 => 31,
        10 => 64, 11 => 19, 12 => 28, 13 => 45, 14 => 3, 15 => 99, 16 => 12, 17 => 60, 18 => 5, 19 => 70,
        20 => 1, 21 => 33, 22 => 80, 23 => 14, 24 => 41, 25 => 26, 26 => 58, 27 => 9, 28 => 72, 29 => 37,
        _ => 0,
    }
}

#[inline(never)]
fn sparse(x: u32) -> u32 {
    match x {
        1 => 1, 10 => 2, 100 => 3, 1000 => 4, 10_000 => 5, 65_535 => 6, 65_536 => 7, 1_048_576 => 8,
        3_000_000 => 9, 99_999_999 => 10, 0x8000_0000 => 11, 0xffff_fffe => 12, u32::MAX => 13,
        7 | 77 | 777 => 14, 12345 => 15, 54321 => 16,
        _ => 17,
    }
}

#[inline(never)]
fn wide(x: u64) -> &'static str {
    match x {
        0 => "zero",
        1..=9 => "digit",
        0x1_0000_0000 => "2^32",
        u64::MAX => "max",
        0xdead_beef_0000_0000..=0xdead_beef_ffff_ffff => "dead beef",
        _ if x % 2 == 0 => "even",
        _ => "odd",
    }
}

#[inline(never)]
fn signed(x: i8) -> i32 {
    match x { i8::MIN => -1000, -127..=-101 => -3, -100..=-50 => -2, -49..=-1 => -1, 0 => 0, 1..=63 => 1, 64..=126 => 2, 127 => 1000 }
}

#[inline(never)]
fn keyword(s: &str) -> u8 {
    match s { "fn" => 1, "let" => 2, "match" => 3, "if" => 4, "else" => 5, "while" => 6, "loop" => 7, "" => 8, _ => 0 }
}

#[inline(never)]
fn vowel(c: char) -> bool { matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U' | 'é' | 'ü') }

fn main() {
    let d: Vec<u32> = (0..35).map(|x| dense(bb(x))).collect();
    println!("{:?}", d);
    let inputs = [0, 1, 7, 10, 77, 100, 777, 1000, 10_000, 12345, 54321, 65_535, 65_536, 1 << 20, 3_000_000, 99_999_999, 0x8000_0000, 0xffff_fffe, u32::MAX, 42];
    println!("{:?}", inputs.iter().map(|&x| sparse(bb(x))).collect::<Vec<_>>());
    let mut s = 0u64;
    for i in 0..100_000u32 { s += sparse(bb(i)) as u64 * dense(i % 32) as u64; }
    println!("{s}");
    for x in [0, 5, 1 << 32, u64::MAX, 0xdead_beef_1234_5678, 1 << 40, (1 << 40) + 1] { print!("{} ", wide(bb(x))); }
    println!();
    println!("{}", (i8::MIN..=i8::MAX).map(|x| signed(bb(x))).sum::<i32>());
    println!("{:?}", ["fn", "let", "x", "match", "", "loop", "else", "whilst"].iter().map(|s| keyword(bb(s))).collect::<Vec<_>>());
    println!("{}", "Une idée über Objekt".chars().filter(|&c| vowel(c)).count());
}
