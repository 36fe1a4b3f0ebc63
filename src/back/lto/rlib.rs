//! The bitcode of upstream crates, for LTO over the whole crate graph: each Rust object file in
//! an rlib carries its module's bitcode in a `.llvmbc` section (`-Cembed-bitcode`), or is bitcode
//! itself (`-Clinker-plugin-lto`, which cargo uses for the dependencies of LTO builds).
//!
//! LLVM's C API cannot walk archive members, so the archive (GNU `ar` format, as rustc writes
//! rlibs) and the ELF section table are read here. Which members are Rust objects is recorded in
//! the rlib itself; rustc_codegen_ssa reads that list.

use rustc_codegen_ssa::back::rmeta_link;

/// One upstream module: its name (the object's name in the rlib, which rustc makes unique: it
/// holds the crate's name and hash) and bitcode.
pub struct UpstreamModule {
    pub name: String,
    pub bitcode: Vec<u8>,
}

/// The bitcode of every Rust object in the given rlibs, in order.
pub fn upstream_modules(rlibs: &[std::path::PathBuf]) -> Result<Vec<UpstreamModule>, String> {
    let mut modules = Vec::new();
    for path in rlibs {
        let data = std::fs::read(path).map_err(|e| format!("could not read `{}`: {e}", path.display()))?;
        let rust_objects = rmeta_link::read_from_data(&data, path)
            .ok_or_else(|| format!("`{}` does not list its Rust object files", path.display()))?
            .rust_object_files;
        for member in members(&data).map_err(|e| format!("`{}` is not a valid archive: {e}", path.display()))? {
            if !rust_objects.iter().any(|o| o.as_str() == member.name) {
                continue;
            }
            let bitcode = bitcode_of_object(member.data).ok_or_else(|| {
                format!(
                    "`{}` in `{}` holds no LLVM bitcode (was it built with `-Cembed-bitcode=no`?)",
                    member.name,
                    path.display()
                )
            })?;
            modules.push(UpstreamModule { name: member.name.to_owned(), bitcode: bitcode.to_vec() });
        }
    }
    Ok(modules)
}

/// The bitcode of an object file: the object itself if it is bitcode, else its `.llvmbc` section.
fn bitcode_of_object(object: &[u8]) -> Option<&[u8]> {
    if object.starts_with(b"BC\xC0\xDE") || object.starts_with(b"\xDE\xC0\x17\x0B") {
        return Some(object);
    }
    elf_section(object, b".llvmbc")
}

struct Member<'a> {
    name: &'a str,
    data: &'a [u8],
}

fn field(header: &[u8], range: std::ops::Range<usize>) -> Result<usize, String> {
    let text = std::str::from_utf8(&header[range]).map_err(|_| "bad member header")?;
    text.trim().parse().map_err(|_| format!("bad number `{}` in a member header", text.trim()))
}

/// The members of a GNU archive, with long names resolved.
fn members(archive: &[u8]) -> Result<Vec<Member<'_>>, String> {
    let mut rest = archive.strip_prefix(b"!<arch>\n").ok_or("no `!<arch>` magic")?;
    let mut long_names: &[u8] = &[];
    let mut out = Vec::new();
    while rest.len() >= 60 {
        let (header, after) = rest.split_at(60);
        let size = field(header, 48..58)?;
        let data = after.get(..size).ok_or("a member runs past the end")?;
        rest = &after[(size + (size & 1)).min(after.len())..];
        let raw_name = std::str::from_utf8(&header[..16]).map_err(|_| "bad member name")?.trim_end();
        let name = match raw_name {
            // The symbol tables.
            "/" | "/SYM64/" => continue,
            "//" => {
                long_names = data;
                continue;
            }
            _ => match raw_name.strip_prefix('/') {
                Some(offset) => {
                    let offset: usize = offset.parse().map_err(|_| format!("bad long name `{raw_name}`"))?;
                    let tail = long_names.get(offset..).ok_or("a long name is out of range")?;
                    let end = tail.iter().position(|&b| b == b'\n').unwrap_or(tail.len());
                    std::str::from_utf8(&tail[..end]).map_err(|_| "bad long name")?
                }
                None => raw_name,
            },
        };
        out.push(Member { name: name.strip_suffix('/').unwrap_or(name).trim(), data });
    }
    Ok(out)
}

fn read_u16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}
fn read_u32(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}
fn read_u64(b: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?)).ok()
}

/// The contents of a named section of a 64-bit little-endian ELF object.
fn elf_section<'a>(elf: &'a [u8], wanted: &[u8]) -> Option<&'a [u8]> {
    if !elf.starts_with(b"\x7fELF\x02\x01") {
        return None;
    }
    let (shoff, shentsize) = (read_u64(elf, 0x28)?, read_u16(elf, 0x3a)?);
    let header = |i: usize| elf.get(shoff + i * shentsize..shoff + (i + 1) * shentsize);
    // With many sections the count and the name table's index live in section 0.
    let mut count = read_u16(elf, 0x3c)?;
    if count == 0 {
        count = read_u64(header(0)?, 32)?;
    }
    let mut strtab_index = read_u16(elf, 0x3e)?;
    if strtab_index == 0xffff {
        strtab_index = read_u32(header(0)?, 40)?;
    }
    let contents = |h: &[u8]| elf.get(read_u64(h, 24)?..read_u64(h, 24)?.checked_add(read_u64(h, 32)?)?);
    let names = contents(header(strtab_index)?)?;
    (0..count).find_map(|i| {
        let h = header(i)?;
        let name = names.get(read_u32(h, 0)?..)?;
        let name = &name[..name.iter().position(|&b| b == 0)?];
        if name == wanted { contents(h) } else { None }
    })
}
