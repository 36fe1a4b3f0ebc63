// bool logic (including short-circuit side effects) and char: conversions, ranges,
// classification, case mapping, UTF-8 encoding.
use std::hint::black_box as bb;

fn side(v: bool, log: &mut Vec<&'static str>, n: &'static str) -> bool {
    log.push(n);
    v
}

fn main() {
    let mut log = vec![];
    let r = side(bb(false), &mut log, "a") && side(true, &mut log, "b") || side(true, &mut log, "c");
    println!("{r} {log:?}");
    let (t, f) = (bb(true), bb(false));
    println!("{} {} {} {} {}", t & f, t | f, t ^ t, !f, t as u8 + t as u8);
    println!("{:?} {:?}", t.then(|| 5), f.then_some(6));
    for c in [bb('a'), 'Z', '0', ' ', 'é', 'ß', '中', '😀', '\u{10FFFF}', '\0'] {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        println!(
            "{:?} {} {} {} {} {} {:?} {:?} {:?} {}",
            c, c as u32, c.len_utf8(), c.is_alphabetic(), c.is_numeric(), c.is_whitespace(),
            c.to_uppercase().collect::<String>(), c.to_lowercase().collect::<String>(), s.as_bytes(), c.is_ascii()
        );
    }
    println!("{:?} {:?} {:?}", char::from_u32(bb(0xD800)), char::from_u32(bb(0x41)), char::from_digit(11, 16));
    println!("{:?}", ('a'..='e').rev().collect::<String>());
    println!("{:?}", bb('9').to_digit(10));
    println!("{}", bb(200u8) as char);
    let bools: Vec<bool> = (0..10).map(|i| bb(i) % 3 == 0).collect();
    println!("{:?} {}", bools, bools.iter().filter(|&&b| b).count());
}
