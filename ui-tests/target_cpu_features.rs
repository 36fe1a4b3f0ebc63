//@ compile-flags: -Ctarget-cpu=x86-64-v2 -Ctarget-feature=-popcnt,+bmi1
// A CPU level and feature flags: `cfg(target_feature)` as the built-in backend reports it, and
// a `#[target_feature]` function chosen at run time (its result is the same either way).

fn dot_plain(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[target_feature(enable = "avx2,fma")]
fn dot_avx2(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[inline(never)]
fn count_ones(x: u64) -> u32 {
    x.count_ones()
}

fn main() {
    for (name, on) in [
        ("sse2", cfg!(target_feature = "sse2")),
        ("sse4.2", cfg!(target_feature = "sse4.2")),
        ("popcnt", cfg!(target_feature = "popcnt")),
        ("bmi1", cfg!(target_feature = "bmi1")),
        ("avx", cfg!(target_feature = "avx")),
        ("avx2", cfg!(target_feature = "avx2")),
    ] {
        println!("{name}: {on}");
    }
    let a: Vec<f32> = (0..64).map(|i| i as f32 * 0.5).collect();
    let b: Vec<f32> = (0..64).map(|i| 64.0 - i as f32).collect();
    let dot = if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        unsafe { dot_avx2(&a, &b) }
    } else {
        dot_plain(&a, &b)
    };
    println!("dot: {dot}");
    println!("ones: {}", count_ones(std::hint::black_box(0xF0F0_1234_5678_9ABC)));
}
