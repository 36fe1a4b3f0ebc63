//! A reader of LLVM's bitstream container format (the layout of bitcode files), enough to walk
//! blocks and decode records: fixed and variable-width fields, abbreviations (also those that
//! a BLOCKINFO block defines for other blocks), arrays, 6-bit characters and blobs. Blocks the
//! caller does not enter are skipped by their recorded length, without decoding them.
//!
//! The format is described in LLVM's documentation, "LLVM Bitcode File Format".

use rustc_data_structures::fx::FxHashMap;

#[derive(Clone, Debug)]
enum Op {
    Literal(u64),
    Fixed(u32),
    Vbr(u32),
    /// An array whose element is the next operand.
    Array,
    Char6,
    Blob,
}

type Abbrev = Vec<Op>;

/// One entry of a block.
pub enum Entry<'a> {
    /// The start of a nested block, to [`Reader::enter`] or [`Reader::skip_block`].
    Block(u64),
    Record {
        code: u64,
        ops: Vec<u64>,
        blob: Option<&'a [u8]>,
    },
    End,
}

const END_BLOCK: u64 = 0;
const ENTER_SUBBLOCK: u64 = 1;
const DEFINE_ABBREV: u64 = 2;
const UNABBREV_RECORD: u64 = 3;
const BLOCKINFO_BLOCK: u64 = 0;

struct Scope {
    width: u32,
    abbrevs: Vec<Abbrev>,
}

pub struct Reader<'a> {
    data: &'a [u8],
    /// Position in bits.
    pos: usize,
    scopes: Vec<Scope>,
    /// Abbreviations defined in BLOCKINFO blocks, by the block id they are for.
    block_info: FxHashMap<u64, Vec<Abbrev>>,
    /// The id of the block just announced by [`Entry::Block`].
    pending_block: Option<u64>,
}

type Result<T> = std::result::Result<T, String>;

impl<'a> Reader<'a> {
    /// A reader positioned after the 4-byte magic of `data` (bitcode without a wrapper header).
    pub fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 32,
            scopes: vec![Scope { width: 2, abbrevs: vec![] }],
            block_info: FxHashMap::default(),
            pending_block: None,
        }
    }

    fn bits(&mut self, n: u32) -> Result<u64> {
        let mut value = 0u64;
        let mut got = 0;
        while got < n {
            let byte = *self.data.get(self.pos / 8).ok_or("the bitstream ends too early")?;
            let offset = (self.pos % 8) as u32;
            let take = (8 - offset).min(n - got);
            let chunk = (byte >> offset) as u64 & ((1u64 << take) - 1);
            value |= chunk << got;
            got += take;
            self.pos += take as usize;
        }
        Ok(value)
    }

    fn vbr(&mut self, n: u32) -> Result<u64> {
        let high = 1u64 << (n - 1);
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let chunk = self.bits(n)?;
            if shift < 64 {
                value |= (chunk & (high - 1)) << shift;
            }
            if chunk & high == 0 {
                return Ok(value);
            }
            shift += n - 1;
            if shift > 70 {
                return Err("a variable-width number is too long".into());
            }
        }
    }

    fn align32(&mut self) {
        self.pos = self.pos.next_multiple_of(32);
    }

    fn scope(&self) -> &Scope {
        self.scopes.last().expect("the top level is never left")
    }

    /// The next entry of the current block, with abbreviation definitions handled on the way.
    /// At the end of the data at the top level, `Ok(None)`.
    pub fn next(&mut self) -> Result<Option<Entry<'a>>> {
        loop {
            if self.scopes.len() == 1 && self.pos + 32 > self.data.len() * 8 {
                return Ok(None);
            }
            let id = self.bits(self.scope().width)?;
            match id {
                END_BLOCK => {
                    self.align32();
                    if self.scopes.len() == 1 {
                        return Err("END_BLOCK at the top level".into());
                    }
                    self.scopes.pop();
                    return Ok(Some(Entry::End));
                }
                ENTER_SUBBLOCK => {
                    let block = self.vbr(8)?;
                    self.pending_block = Some(block);
                    return Ok(Some(Entry::Block(block)));
                }
                DEFINE_ABBREV => {
                    let abbrev = self.define_abbrev()?;
                    self.scopes.last_mut().unwrap().abbrevs.push(abbrev);
                }
                UNABBREV_RECORD => {
                    let code = self.vbr(6)?;
                    let n = self.vbr(6)?;
                    let ops = (0..n).map(|_| self.vbr(6)).collect::<Result<Vec<_>>>()?;
                    return Ok(Some(Entry::Record { code, ops, blob: None }));
                }
                _ => {
                    let abbrev = self
                        .scope()
                        .abbrevs
                        .get((id - 4) as usize)
                        .cloned()
                        .ok_or_else(|| format!("unknown abbreviation {id}"))?;
                    return self.abbreviated_record(&abbrev).map(Some);
                }
            }
        }
    }

    /// Enters the block just announced; its abbreviations start with those BLOCKINFO gave it.
    pub fn enter(&mut self) -> Result<()> {
        let block = self.pending_block.take().ok_or("no block to enter")?;
        let width = self.vbr(4)? as u32;
        self.align32();
        // The block's length in 32-bit words, which only skipping needs.
        self.bits(32)?;
        let abbrevs = self.block_info.get(&block).cloned().unwrap_or_default();
        self.scopes.push(Scope { width, abbrevs });
        if block == BLOCKINFO_BLOCK {
            self.read_block_info()?;
        }
        Ok(())
    }

    /// Skips the block just announced, without decoding it.
    pub fn skip_block(&mut self) -> Result<()> {
        self.pending_block.take().ok_or("no block to skip")?;
        self.vbr(4)?;
        self.align32();
        let words = self.bits(32)? as usize;
        self.pos += words * 32;
        if self.pos > self.data.len() * 8 {
            return Err("a block runs past the end".into());
        }
        Ok(())
    }

    /// A BLOCKINFO block: `SETBID` records say which block the abbreviations that follow are for.
    fn read_block_info(&mut self) -> Result<()> {
        let mut target = None;
        loop {
            let id = self.bits(self.scope().width)?;
            match id {
                END_BLOCK => {
                    self.align32();
                    self.scopes.pop();
                    return Ok(());
                }
                DEFINE_ABBREV => {
                    let abbrev = self.define_abbrev()?;
                    let block = target.ok_or("an abbreviation in BLOCKINFO before SETBID")?;
                    self.block_info.entry(block).or_default().push(abbrev);
                }
                UNABBREV_RECORD => {
                    let code = self.vbr(6)?;
                    let n = self.vbr(6)?;
                    let ops = (0..n).map(|_| self.vbr(6)).collect::<Result<Vec<_>>>()?;
                    // SETBID; the block and record names BLOCKINFO may also carry are not needed.
                    if code == 1 {
                        target = ops.first().copied();
                    }
                }
                _ => return Err("an unexpected entry in a BLOCKINFO block".into()),
            }
        }
    }

    fn define_abbrev(&mut self) -> Result<Abbrev> {
        let n = self.vbr(5)?;
        let mut ops = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let op = if self.bits(1)? == 1 {
                Op::Literal(self.vbr(8)?)
            } else {
                match self.bits(3)? {
                    1 => Op::Fixed(self.vbr(5)? as u32),
                    2 => Op::Vbr(self.vbr(5)? as u32),
                    3 => Op::Array,
                    4 => Op::Char6,
                    5 => Op::Blob,
                    e => return Err(format!("unknown abbreviation encoding {e}")),
                }
            };
            ops.push(op);
        }
        Ok(ops)
    }

    fn scalar(&mut self, op: &Op) -> Result<u64> {
        match *op {
            Op::Literal(v) => Ok(v),
            Op::Fixed(w) => self.bits(w),
            Op::Vbr(w) => self.vbr(w),
            Op::Char6 => {
                let c = self.bits(6)? as u8;
                Ok(match c {
                    0..=25 => b'a' + c,
                    26..=51 => b'A' + c - 26,
                    52..=61 => b'0' + c - 52,
                    62 => b'.',
                    _ => b'_',
                } as u64)
            }
            Op::Array | Op::Blob => Err("an array or blob where a scalar belongs".into()),
        }
    }

    fn abbreviated_record(&mut self, abbrev: &[Op]) -> Result<Entry<'a>> {
        let mut values = Vec::new();
        let mut blob = None;
        let mut i = 0;
        while i < abbrev.len() {
            match &abbrev[i] {
                Op::Array => {
                    let element = abbrev.get(i + 1).ok_or("an array without an element type")?;
                    let n = self.vbr(6)?;
                    for _ in 0..n {
                        values.push(self.scalar(element)?);
                    }
                    i += 1;
                }
                Op::Blob => {
                    let n = self.vbr(6)? as usize;
                    self.align32();
                    let start = self.pos / 8;
                    blob = Some(self.data.get(start..start + n).ok_or("a blob runs past the end")?);
                    self.pos += n * 8;
                    self.align32();
                }
                op => values.push(self.scalar(op)?),
            }
            i += 1;
        }
        if values.is_empty() {
            return Err("a record without a code".into());
        }
        let code = values.remove(0);
        Ok(Entry::Record { code, ops: values, blob })
    }
}
