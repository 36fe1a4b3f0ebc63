// Hashing with fixed, deterministic hashers (DefaultHasher/RandomState are seeded randomly, so
// they are not used): an FNV-1a Hasher fed through #[derive(Hash)], SipHasher-free checksums,
// and a hand-rolled open-addressing table.
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::hint::black_box as bb;

#[derive(Default)]
struct Fnv1a(u64);
impl Hasher for Fnv1a {
    fn finish(&self) -> u64 { self.0 }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes { h = (h ^ *b as u64).wrapping_mul(0x100000001b3); }
        self.0 = h;
    }
}

#[derive(Hash)]
struct Key { id: u32, name: &'static str, tags: Vec<u8>, pair: (i64, char), opt: Option<bool> }

#[derive(Hash)]
enum E { A, B(u16), C { x: u8 } }

fn h<T: Hash + ?Sized>(v: &T) -> u64 { BuildHasherDefault::<Fnv1a>::default().hash_one(v) }

fn murmur_mix(mut k: u64) -> u64 { k ^= k >> 33; k = k.wrapping_mul(0xff51afd7ed558ccd); k ^= k >> 33; k = k.wrapping_mul(0xc4ceb9fe1a85ec53); k ^ (k >> 33) }

fn main() {
    println!("{:016x}", h(&Key { id: 1, name: "one", tags: vec![1, 2, 3], pair: (-5, 'é'), opt: Some(true) }));
    println!("{:016x} {:016x} {:016x}", h(&E::A), h(&E::B(bb(7))), h(&E::C { x: 9 }));
    println!("{:016x} {:016x}", h("hello"), h(&[1u32, 2, 3][..]));
    println!("{:016x} {:016x} {:016x}", h(&bb(42u8)), h(&bb(42u64)), h(&bb(-42i128)));
    println!("{:016x}", h(&(1u8, 2u16, 3u32, 4u64, "five", 6.0f64.to_bits())));
    let mut table: Vec<Option<(u64, u32)>> = vec![None; 1024];
    let mut probes = 0u32;
    for i in 0..700u32 {
        let key = murmur_mix(i as u64 * 2654435761);
        let mut slot = (key % 1024) as usize;
        while table[slot].is_some() { slot = (slot + 1) % 1024; probes += 1; }
        table[slot] = Some((key, i));
    }
    println!("{probes} {}", table.iter().flatten().map(|&(k, v)| k.wrapping_mul(v as u64)).fold(0u64, |a, b| a ^ b));
    let mut hs = Fnv1a::default();
    for i in 0..bb(10000u32) { hs.write_u32(i); }
    println!("{:016x}", hs.finish());
    let crc = b"The quick brown fox".iter().fold(0xffff_ffffu32, |mut c, &b| {
        c ^= b as u32;
        for _ in 0..8 { c = if c & 1 != 0 { (c >> 1) ^ 0xedb8_8320 } else { c >> 1 }; }
        c
    }) ^ 0xffff_ffff;
    println!("{crc:08x}");
}
