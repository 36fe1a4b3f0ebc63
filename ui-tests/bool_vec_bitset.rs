// Bit manipulation with a bitset over Vec<u64> (sieve of Eratosthenes, set ops, iteration over
// set bits), compared against Vec<bool>, with popcount and trailing_zeros.
use std::hint::black_box as bb;

struct BitSet { words: Vec<u64> }
impl BitSet {
    fn new(n: usize) -> Self { BitSet { words: vec![0; n.div_ceil(64)] } }
    fn set(&mut self, i: usize) { self.words[i / 64] |= 1 << (i % 64); }
    fn clear(&mut self, i: usize) { self.words[i / 64] &= !(1 << (i % 64)); }
    fn get(&self, i: usize) -> bool { self.words[i / 64] >> (i % 64) & 1 == 1 }
    fn count(&self) -> u32 { self.words.iter().map(|w| w.count_ones()).sum() }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || { if w == 0 { return None; } let t = w.trailing_zeros() as usize; w &= w - 1; Some(wi * 64 + t) })
        })
    }
    fn and(&self, o: &BitSet) -> BitSet { BitSet { words: self.words.iter().zip(&o.words).map(|(a, b)| a & b).collect() } }
    fn xor(&self, o: &BitSet) -> BitSet { BitSet { words: self.words.iter().zip(&o.words).map(|(a, b)| a ^ b).collect() } }
}

fn main() {
    let n = bb(100_000usize);
    let mut primes = BitSet::new(n);
    for i in 2..n { primes.set(i); }
    let mut i = 2;
    while i * i < n { if primes.get(i) { let mut j = i * i; while j < n { primes.clear(j); j += i; } } i += 1; }
    let mut sieve = vec![true; n];
    sieve[0] = false;
    sieve[1] = false;
    for i in 2..n { if sieve[i] { let mut j = i * i; while j < n { sieve[j] = false; j += i; } } }
    println!("{} {}", primes.count(), sieve.iter().filter(|&&b| b).count());
    println!("{}", (0..n).all(|i| primes.get(i) == sieve[i]));
    println!("{:?}", primes.iter().take(15).collect::<Vec<_>>());
    println!("{:?}", primes.iter().skip(9590).collect::<Vec<_>>());
    let mut odd = BitSet::new(n);
    for i in (1..n).step_by(2) { odd.set(i); }
    println!("{} {}", primes.and(&odd).count(), primes.xor(&odd).count());
    let flags: Vec<bool> = (0..64).map(|i| bb(i) % 5 == 0 || i % 7 == 0).collect();
    let packed = flags.iter().enumerate().fold(0u64, |acc, (i, &b)| acc | (b as u64) << i);
    println!("{:#018x} {}", packed, packed.count_ones());
    println!("{}", size_of_val(&flags[..]));
}
