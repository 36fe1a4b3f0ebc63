// Sorting a large pseudo-random Vec (xorshift): sort, sort_unstable, sort_by_key, sort_by with
// reverse, stable sort of records, dedup, select_nth_unstable, binary search, is_sorted;
// results summarized by checksums.
use std::hint::black_box as bb;

struct Rng(u64);
impl Rng { fn next(&mut self) -> u64 { self.0 ^= self.0 << 13; self.0 ^= self.0 >> 7; self.0 ^= self.0 << 17; self.0 } }

fn checksum<T: Copy + Into<u64>>(v: &[T]) -> u64 { v.iter().enumerate().fold(0u64, |a, (i, &x)| a.wrapping_mul(31).wrapping_add(x.into() ^ i as u64)) }

fn main() {
    let mut rng = Rng(bb(0x9E3779B97F4A7C15));
    let base: Vec<u32> = (0..100_000).map(|_| (rng.next() % 1_000_000) as u32).collect();
    let mut a = base.clone();
    a.sort();
    println!("{} {} {} {}", a[0], a[50_000], a[99_999], checksum(&a));
    let mut b = base.clone();
    b.sort_unstable();
    println!("{}", a == b);
    let mut c = base.clone();
    c.sort_by_key(|&x| (x % 1000, x));
    println!("{:?} {}", &c[..5], checksum(&c));
    let mut d = base.clone();
    d.sort_by(|x, y| y.cmp(x));
    println!("{:?} {}", &d[..3], d.is_sorted_by(|x, y| x >= y));
    let mut recs: Vec<(u8, u32)> = base.iter().take(2000).enumerate().map(|(i, &x)| ((x % 7) as u8, i as u32)).collect();
    recs.sort_by_key(|r| r.0);
    println!("{} {:?}", recs.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)), &recs[..3]);
    let mut e = base.clone();
    e.sort_unstable();
    e.dedup();
    println!("{} {:?}", e.len(), e.binary_search(&a[777]).is_ok());
    let mut f = base.clone();
    let (_, m, _) = f.select_nth_unstable(bb(12345));
    println!("{} {}", *m, a[12345]);
    let mut fl: Vec<f64> = (0..10_000).map(|_| (rng.next() % 100_000) as f64 / 7.0 - 5000.0).collect();
    fl.sort_by(f64::total_cmp);
    println!("{:?} {:?} {}", fl.first(), fl.last(), fl.is_sorted());
    let mut words: Vec<String> = (0..1000).map(|_| format!("w{}", rng.next() % 5000)).collect();
    words.sort_unstable();
    words.dedup();
    println!("{} {:?}", words.len(), &words[..3]);
    let mut small: Vec<u8> = (0..50).map(|_| (rng.next() % 256) as u8).collect();
    small.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?}", small);
}
