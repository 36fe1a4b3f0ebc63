//! LLVM's assembler messages about `asm!` blocks, reported at the `asm!` line they come from,
//! as the built-in backend reports them.
//!
//! LLVM tells where a message comes from by the `!srcloc` cookie of the line (`asm::set_srcloc`:
//! the line's byte span), which the C API's diagnostic info does not expose; its text only has
//! the line's number within the block and the line itself. So before code generation every
//! template line gets its cookie appended as an assembler comment, which then comes back in the
//! message's copy of the line. The IR outputs (`--emit=llvm-ir`, bitcode) are written before,
//! without it; assembly output keeps the comments, so they are taken out of the `.s` file.

use rustc_codegen_ssa::back::write::InlineAsmError;
use rustc_errors::Level;
use rustc_span::{BytePos, InnerSpan, Pos, SpanData, SyntaxContext};

use crate::ModuleLlvm;
use crate::llvm::diagnostics::Severity;
use crate::llvm::{self, ir};

const MARKER: &str = " # inkwell-srcloc=";

/// Where LLVM's x86 assembly printer aligns comments.
const COMMENT_COLUMN: usize = 40;

/// Appends each `asm!` template line's cookie to the line (see the module docs).
pub fn mark_lines(module: &ModuleLlvm) {
    let srcloc = llvm::md_kind_id(module.llcx(), "srcloc");
    for function in ir::functions(module.llmod()) {
        for block in ir::basic_blocks(function) {
            for inst in ir::instructions(block) {
                let Some(asm) = ir::called_inline_asm(inst) else { continue };
                let cookies = ir::metadata_integers(inst, srcloc);
                if !cookies.is_empty() {
                    ir::set_inline_asm_template(inst, asm, &mark(ir::inline_asm_template(asm), &cookies));
                }
            }
        }
    }
}

/// Takes the cookies back out of assembly output, where LLVM prints them as comments after
/// the instructions of `asm!` blocks.
pub fn unmark_assembly(path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if text.contains(MARKER.trim_start()) {
        let unmarked: String = text.split_inclusive('\n').map(unmark_line).collect();
        std::fs::write(path, unmarked).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn unmark_line(line: &str) -> std::borrow::Cow<'_, str> {
    let marker = MARKER.trim_start();
    let Some(at) = line.find(marker) else { return line.into() };
    let before = line[..at].trim_end_matches([' ', '\t']);
    let after = line[at + marker.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
    let mut unmarked = before.to_owned();
    // With `-Zverbose-asm` LLVM's own comment follows, which it pads to its comment column
    // (counted after the instruction's leading tab).
    match after.trim_start_matches([' ', '\t']).strip_prefix('#') {
        Some(comment) => {
            let instruction = before.strip_prefix('\t').unwrap_or(before);
            let column = instruction.chars().fold(0, |col, c| if c == '\t' { (col / 8 + 1) * 8 } else { col + 1 });
            unmarked.push_str(&" ".repeat(COMMENT_COLUMN.saturating_sub(column).max(1)));
            unmarked.push('#');
            unmarked.push_str(comment);
        }
        None => unmarked.push_str(after.trim_start_matches([' ', '\t'])),
    }
    unmarked.into()
}

/// `template` with line `i` followed by its cookie: one cookie for every line, or one per line
/// after a 0 for the `.intel_syntax` line LLVM puts first in Intel syntax.
fn mark(template: &[u8], cookies: &[u64]) -> Vec<u8> {
    let lines: Vec<&[u8]> = template.split(|&b| b == b'\n').collect();
    let skip = cookies.len().saturating_sub(lines.len());
    let mut marked = Vec::with_capacity(template.len() + lines.len() * 32);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            marked.push(b'\n');
        }
        marked.extend_from_slice(line);
        let cookie = if cookies.len() == 1 { cookies[0] } else { cookies.get(i + skip).copied().unwrap_or(0) };
        if cookie != 0 {
            marked.extend_from_slice(format!("{MARKER}{cookie}").as_bytes());
        }
    }
    marked
}

/// LLVM's message `<inline asm>:LINE:COLUMN: MESSAGE` (then the line and a caret line) as the
/// error rustc_codegen_ssa reports at the `asm!` span, with the assembly line in a note. With
/// fat or thin LTO the cookie may come from another crate's source map: no span then, as in
/// the built-in backend.
pub fn inline_asm_error(severity: &Severity, message: &str, lto: bool) -> Option<InlineAsmError> {
    let mut lines = message.strip_prefix("<inline asm>:")?.lines();
    let (line_no, rest) = lines.next()?.split_once(':')?;
    let (column, msg) = rest.split_once(':')?;
    let (line_no, column): (usize, usize) = (line_no.parse().ok()?, column.parse().ok()?);
    let shown = lines.next().unwrap_or("");
    let carets = lines.next().unwrap_or("");
    let (text, cookie) = match shown.rfind(MARKER) {
        Some(at) => (&shown[..at], shown[at + MARKER.len()..].trim().parse::<u64>().unwrap_or(0)),
        None => (shown, 0),
    };
    let span = if cookie == 0 || lto {
        SpanData::default()
    } else {
        SpanData {
            lo: BytePos::from_u32(cookie as u32),
            hi: BytePos::from_u32((cookie >> 32) as u32),
            ctxt: SyntaxContext::root(),
            parent: None,
        }
    };
    // LLVM shows the line with its tabs expanded to 8 columns (it puts one before the block's
    // first line itself); the column it names counts a tab as one. Leading tabs are put back,
    // so that the line shows as the built-in backend shows it.
    let column = column.saturating_sub(1);
    let extra = carets.find('^').unwrap_or(column).saturating_sub(column);
    let tabs = extra / 7;
    let (text, shift) = if extra > 0 && extra % 7 == 0 && text.bytes().take(tabs * 8).all(|b| b == b' ') {
        (format!("{}{}", "\t".repeat(tabs), &text[(tabs * 8).min(text.len())..]), extra)
    } else {
        (text.to_owned(), 0)
    };
    // The block as far as the message shows it: the line, at its line number.
    let start = line_no.saturating_sub(1);
    let buffer = format!("{}{text}", "\n".repeat(start));
    let at = |shown: usize| (start + shown.saturating_sub(shift)).min(buffer.len());
    let mut spans = vec![InnerSpan::new(at(column + shift), at(column + shift))];
    // The ranges LLVM underlines with `~` (its caret line marks the column with `^`).
    let mut run = None;
    for (i, c) in carets.char_indices().chain([(carets.len(), ' ')]) {
        match (c, run) {
            ('^' | '~', None) => run = Some((i, false)),
            ('~', Some((first, _))) => run = Some((first, true)),
            ('^', Some(_)) => {}
            (_, Some((first, true))) => {
                spans.push(InnerSpan::new(at(first), at(i)));
                run = None;
            }
            (_, Some((_, false))) => run = None,
            _ => {}
        }
    }
    let level = match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    Some(InlineAsmError { span, msg: msg.trim_start().to_owned(), level, source: Some((buffer, spans)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_each_line_with_its_cookie() {
        assert_eq!(mark(b"nop\nbad", &[0, 7, 9]), b"nop # inkwell-srcloc=7\nbad # inkwell-srcloc=9");
        assert_eq!(mark(b"nop\nbad", &[5]), b"nop # inkwell-srcloc=5\nbad # inkwell-srcloc=5");
    }

    #[test]
    fn unmarks_assembly_lines() {
        assert_eq!(unmark_line("\tnop\t# inkwell-srcloc=12\n"), "\tnop\n");
        assert_eq!(
            unmark_line("\tmovq\t$3000, %rax\t# inkwell-srcloc=12 # imm = 0xBB8\n"),
            format!("\tmovq\t$3000, %rax{}# imm = 0xBB8\n", " ".repeat(21))
        );
        assert_eq!(unmark_line("\tnop\n"), "\tnop\n");
    }

    #[test]
    fn reads_the_message_back() {
        let message = "<inline asm>:3:1: invalid instruction mnemonic 'bad'\nbad # inkwell-srcloc=55834574858\n^~~\n";
        let err = inline_asm_error(&Severity::Error, message, false).unwrap();
        assert_eq!(err.msg, "invalid instruction mnemonic 'bad'");
        assert_eq!((err.span.lo, err.span.hi), (BytePos(10), BytePos(13)));
        let (buffer, spans) = err.source.unwrap();
        assert_eq!(buffer, "\n\nbad");
        assert_eq!(spans, vec![InnerSpan::new(2, 2), InnerSpan::new(2, 5)]);
    }

    #[test]
    fn puts_leading_tabs_back() {
        let message =
            "<inline asm>:2:2: invalid instruction mnemonic 'bad'\n        bad # inkwell-srcloc=1\n        ^~~\n";
        let (buffer, spans) = inline_asm_error(&Severity::Error, message, false).unwrap().source.unwrap();
        assert_eq!(buffer, "\n\tbad");
        assert_eq!(spans, vec![InnerSpan::new(2, 2), InnerSpan::new(2, 5)]);
    }
}
