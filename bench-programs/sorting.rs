//! Sorting: stable and unstable sorts of integers, tuples and strings, plus binary search and
//! dedup over the results.

use std::hint::black_box;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
}

fn main() {
    let n: usize = black_box(4_000_000);
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut checksum = 0u64;

    let mut ints: Vec<u64> = (0..n).map(|_| rng.next() % (n as u64 * 4)).collect();
    let mut copy = ints.clone();
    ints.sort_unstable();
    copy.sort();
    assert_eq!(ints, copy);
    let hits = (0..n as u64).filter(|k| ints.binary_search(&(k * 3)).is_ok()).count();
    ints.dedup();
    checksum = checksum.wrapping_mul(31).wrapping_add(hits as u64).wrapping_add(ints.len() as u64);

    let mut pairs: Vec<(u32, i32)> = (0..n).map(|_| ((rng.next() % 1000) as u32, rng.next() as i32)).collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    checksum = pairs.iter().step_by(997).fold(checksum, |c, p| c.wrapping_mul(31) ^ (p.0 as u64) ^ (p.1 as u64));

    let mut floats: Vec<f64> = (0..n / 2).map(|_| (rng.next() >> 11) as f64 / (1u64 << 53) as f64).collect();
    floats.sort_unstable_by(|a, b| a.total_cmp(b));
    checksum ^= floats[floats.len() / 3].to_bits();

    let mut words: Vec<String> = (0..n / 8).map(|_| format!("w{:x}", rng.next() % 1_000_000)).collect();
    words.sort_unstable();
    words.dedup();
    checksum = words.iter().step_by(101).fold(checksum, |c, w| c.wrapping_mul(131) ^ w.len() as u64 ^ w.as_bytes()[1] as u64);

    println!("distinct ints={} distinct words={} checksum={checksum:016x}", ints.len(), words.len());
}
