// Slices and str: indexing, subslicing, split_at, chunks, windows, iteration, contains,
// binary_search, copy_from_slice, str methods, byte access, fat pointer passing.
#![allow(invalid_from_utf8)]
use std::hint::black_box as bb;

#[inline(never)]
fn sum(s: &[i64]) -> i64 { s.iter().sum() }

#[inline(never)]
fn longest<'a>(a: &'a str, b: &'a str) -> &'a str { if a.len() >= b.len() { a } else { b } }

fn main() {
    let v: Vec<i64> = (1..=20).map(|x| x * x - 50).collect();
    let s = &v[bb(3)..bb(11)];
    println!("{:?} {} {}", s, s.len(), sum(s));
    let (l, r) = s.split_at(bb(5));
    println!("{l:?} {r:?}");
    for c in v.chunks(6) { print!("{} ", sum(c)); }
    println!();
    println!("{:?}", v.windows(3).map(|w| w[0] + w[2] - w[1]).collect::<Vec<_>>());
    println!("{:?} {:?}", v.binary_search(&bb(50)), v.binary_search(&bb(51)));
    println!("{} {:?} {:?}", v.contains(&-49), v.first(), v.last());
    let mut buf = [0i64; 8];
    buf[2..6].copy_from_slice(&v[..4]);
    buf.swap(0, 7);
    buf[..].reverse();
    println!("{:?}", buf);
    let mut m = v.clone();
    m.rotate_left(bb(3));
    println!("{:?}", &m[..5]);
    println!("{:?}", v.iter().rposition(|&x| x < 0));
    let text = bb("The quick brown fox jumps over the lazy dog");
    println!("{}", longest(text, "short"));
    println!("{:?}", text.split(' ').map(str::len).collect::<Vec<_>>());
    println!("{:?} {:?}", text.find("fox"), text.rfind('o'));
    println!("{} {}", text.to_uppercase(), text.replace("the", "a"));
    println!("{:?}", text.char_indices().filter(|(_, c)| *c == 'o').map(|(i, _)| i).collect::<Vec<_>>());
    println!("{} {}", &text[4..9], text.as_bytes()[bb(10)]);
    println!("{:?}", text.split_whitespace().rev().take(3).collect::<Vec<_>>());
    println!("{}", text.starts_with("The") && text.ends_with("dog") && !text.is_empty());
    println!("{:?}", "  trim me\t\n".trim());
    println!("{:?}", "a,b,,c".split(',').collect::<Vec<_>>());
    println!("{:?}", "k1=v1;k2=v2".split(';').map(|kv| kv.split_once('=').unwrap()).collect::<Vec<_>>());
    let empty: &[u8] = bb(&[]);
    println!("{:?} {:?}", empty.iter().max(), empty.split_first());
    let arr2d = [[1u8, 2, 3], [4, 5, 6]];
    let flat: &[u8] = arr2d.as_flattened();
    println!("{:?}", flat);
    println!("{:?}", std::str::from_utf8(&[0xe4, 0xb8, 0xad, 0xff]).map_err(|e| e.valid_up_to()));
}
