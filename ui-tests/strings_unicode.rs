// String and Unicode handling: UTF-8/UTF-16 round trips, chars vs bytes, grapheme-free case
// mapping, from_utf8_lossy, char boundaries, String building, sorting strings, repeat, parse.
use std::hint::black_box as bb;

fn main() {
    let s = bb(String::from("Grüße, 世界! 🦀 naïve café"));
    println!("{} bytes, {} chars", s.len(), s.chars().count());
    println!("{}", s.to_uppercase());
    println!("{}", s.to_lowercase());
    println!("{:?}", s.char_indices().filter(|(_, c)| !c.is_ascii()).map(|(i, c)| (i, c, c.len_utf8())).collect::<Vec<_>>());
    let utf16: Vec<u16> = s.encode_utf16().collect();
    println!("{} {:?}", utf16.len(), &utf16[utf16.len() - 12..]);
    println!("{:?}", String::from_utf16(&utf16).ok().as_deref() == Some(s.as_str()));
    println!("{:?}", String::from_utf16(&[0xd800, 0x41]).is_err());
    println!("{}", String::from_utf8_lossy(&[0x61, 0xff, 0x62, 0xe2, 0x82]));
    println!("{} {}", s.is_char_boundary(3), s.is_char_boundary(4));
    let rev: String = s.chars().rev().collect();
    println!("{rev}");
    let mut words: Vec<&str> = bb("zebra Äpfel apple Zoo éclair banana").split(' ').collect();
    words.sort();
    println!("{:?}", words);
    words.sort_by_key(|w| w.to_lowercase());
    println!("{:?}", words);
    let mut b = String::new();
    for (i, c) in ('α'..='ω').enumerate() { if i % 3 == 0 { b.push(c); } }
    b.insert(0, '[');
    b.insert_str(1, "greek:");
    b += "]";
    println!("{b} {}", b.len());
    println!("{:?}", b.pop());
    println!("{}", "ab".repeat(bb(5)));
    println!("{:?}", "1,2,x,-4".split(',').map(|p| p.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("{:?} {:?}", "3.5e2".parse::<f64>(), "nan".parse::<f32>().map(|f| f.is_nan()));
    println!("{:?}", "İ".to_lowercase().chars().map(|c| c as u32).collect::<Vec<_>>());
    println!("{:?}", s.bytes().filter(|b| *b >= 0x80).count());
    let escaped: String = "tab\there\u{1F600}".escape_default().collect();
    println!("{escaped} {}", "ß".escape_unicode());
    println!("{:?}", s.split_terminator(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>());
    println!("{}", s.replacen('a', "A", 2));
    println!("{:?}", "Hello".char_indices().map(|(i, _)| &"Hello"[i..]).collect::<Vec<_>>());
    println!("{}", "abc".cmp("abd") as i8);
}
