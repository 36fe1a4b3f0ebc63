// Plain loops that LLVM auto-vectorizes at -O3: dot products, saxpy, element-wise min/max,
// integer sums with wrapping, byte histogram, prefix sums, matrix multiply; all results printed
// as checksums (float sums are ordered, so vectorization must not reassociate them).
use std::hint::black_box as bb;

#[inline(never)]
fn dot(a: &[f32], b: &[f32]) -> f32 { a.iter().zip(b).map(|(x, y)| x * y).sum() }
#[inline(never)]
fn saxpy(a: f32, x: &[f32], y: &mut [f32]) { for (yi, xi) in y.iter_mut().zip(x) { *yi += a * xi; } }
#[inline(never)]
fn isum(v: &[u32]) -> u32 { v.iter().fold(0u32, |a, &b| a.wrapping_add(b.wrapping_mul(b))) }
#[inline(never)]
fn minmax(a: &[i16], b: &[i16], lo: &mut [i16], hi: &mut [i16]) { for i in 0..a.len() { lo[i] = a[i].min(b[i]); hi[i] = a[i].max(b[i]); } }
#[inline(never)]
fn hist(bytes: &[u8]) -> [u32; 256] { let mut h = [0u32; 256]; for &b in bytes { h[b as usize] += 1; } h }
#[inline(never)]
fn matmul(a: &[f64], b: &[f64], c: &mut [f64], n: usize) {
    for i in 0..n { for k in 0..n { let aik = a[i * n + k]; for j in 0..n { c[i * n + j] += aik * b[k * n + j]; } } }
}
#[inline(never)]
fn abs_diff_sum(a: &[u8], b: &[u8]) -> u64 { a.iter().zip(b).map(|(&x, &y)| x.abs_diff(y) as u64).sum() }

fn main() {
    let n = bb(4096usize);
    let a: Vec<f32> = (0..n).map(|i| (i % 17) as f32 * 0.25 - 1.0).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 13) as f32 * 0.5).collect();
    println!("{:?}", dot(&a, &b));
    let mut y = b.clone();
    saxpy(bb(1.5), &a, &mut y);
    println!("{:?} {:?}", &y[..4], y.iter().sum::<f32>());
    let u: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(2654435761)).collect();
    println!("{}", isum(&u));
    let s1: Vec<i16> = (0..n).map(|i| ((i * 37) % 1000) as i16 - 500).collect();
    let s2: Vec<i16> = (0..n).map(|i| ((i * 91) % 1000) as i16 - 500).collect();
    let (mut lo, mut hi) = (vec![0; n], vec![0; n]);
    minmax(&s1, &s2, &mut lo, &mut hi);
    println!("{} {}", lo.iter().map(|&x| x as i64).sum::<i64>(), hi.iter().map(|&x| x as i64).sum::<i64>());
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(i) >> 3) as u8).collect();
    let h = hist(&bytes);
    println!("{:?} {}", &h[..8], h.iter().sum::<u32>());
    let mut prefix = vec![0u64; 1000];
    for i in 1..1000 { prefix[i] = prefix[i - 1] + i as u64 * 3; }
    println!("{}", prefix[999]);
    let m = bb(24usize);
    let ma: Vec<f64> = (0..m * m).map(|i| (i % 7) as f64 - 3.0).collect();
    let mb: Vec<f64> = (0..m * m).map(|i| (i % 5) as f64 * 0.5).collect();
    let mut mc = vec![0.0; m * m];
    matmul(&ma, &mb, &mut mc, m);
    println!("{:?} {:?}", &mc[..3], mc.iter().sum::<f64>());
    println!("{}", abs_diff_sum(&bytes[..50_000], &bytes[50_000..]));
}
