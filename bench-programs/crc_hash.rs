//! Checksums over a byte buffer: table-driven CRC-32, FNV-1a and a 64-bit multiply-rotate hash
//! (byte loads, shifts, table lookups, wrapping arithmetic).

use std::hint::black_box;

fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB88320 ^ (c >> 1) } else { c >> 1 };
        }
        *entry = c;
    }
    table
}

fn crc32(table: &[u32; 256], data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn mix64(data: &[u8]) -> u64 {
    let mut h = 0x9E3779B97F4A7C15u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        h = (h ^ w.wrapping_mul(0xff51afd7ed558ccd)).rotate_left(31).wrapping_mul(0xc4ceb9fe1a85ec53);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h ^ (h >> 33)
}

fn main() {
    let len: usize = black_box(4 << 20);
    let rounds: usize = black_box(40);
    // xorshift-filled buffer, mutated a little between rounds so nothing can be hoisted.
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut data: Vec<u8> = (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let table = crc32_table();
    let (mut crc_acc, mut fnv_acc, mut mix_acc) = (0u32, 0u64, 0u64);
    for round in 0..rounds {
        data[round * 7919 % len] ^= round as u8 + 1;
        crc_acc ^= crc32(&table, &data).rotate_left(round as u32);
        fnv_acc = fnv_acc.wrapping_add(fnv1a(&data));
        mix_acc = mix_acc.rotate_left(7) ^ mix64(&data);
    }
    println!("crc32={crc_acc:08x} fnv={fnv_acc:016x} mix={mix_acc:016x}");
}
