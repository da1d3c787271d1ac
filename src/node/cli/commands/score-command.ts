import { batchFormats, scoreColumnNames } from '../../../batch/index.js';
import { type Command, UsageError, exitCodes } from '../command.js';
import { parseCommandLine, readBatchOptions, sharedOptionsHelp } from '../shared-options.js';
import { defaultOutputFormat, openInput, openOutput, readFormatOption } from '../io.js';
import { runBatch } from '../run-batch.js';

const help = `Usage: loneliness-scales score <file|-> [options]

Writes every input row, in order, with score columns appended: ${scoreColumnNames().join(', ')}.
A row that cannot be scored keeps its data, gets empty scores and the reason. Bad rows (malformed,
or an answer outside the coding) are reported on stderr with their line numbers.

${sharedOptionsHelp}

Output:
  --out FILE                Write to FILE instead of stdout. FILE is replaced only by a complete
                            result (written beside it, then renamed); a failed or interrupted run
                            leaves it as it was. FILE may not be the input.
  --fsync                   Flush --out to disk before the rename, so that even a crash of the
                            machine cannot leave an empty file at FILE (slower on large files).
  --to ${batchFormats.filter((format) => format.write !== undefined).map((format) => format.name).join('|')}
                            Output format (default: by the --out file's extension when it is .sav
                            or the input is SPSS, otherwise the input format; SPSS input written to
                            stdout is CSV, as is .xlsx input; csv output is comma-separated whatever the input's
                            delimiter). SPSS output (.sav) is written from SPSS input only.
  --excel                   Same as --to excel-csv: CSV that Excel in a Dutch or Belgian locale
                            opens by double-click (UTF-8 BOM, ";", CRLF, decimal commas).
  --prefix TEXT             Prefix for the score columns' names, e.g. djg6_ (djg6_total, …).

Cells that a spreadsheet would read as a formula (starting with =, +, - or @, and not a number)
are prefixed with ' in CSV, Excel-CSV and TSV output.

Exit codes: 0 done; 1 done, but some rows were bad; 2 usage error (unknown option, a column
missing from the data, …); 3 stopped at a bad row (--strict) or the input could not be read.

Examples:
  loneliness-scales example > enquete-nl.csv   # a sample file
  loneliness-scales score enquete-nl.csv
  loneliness-scales score survey.csv --scale djg6 --coding manual --columns 'lone{n}' --out scored.csv
  loneliness-scales score panel.tsv --coding rivm --columns 'order:cbs:q{i}' --lang nl --to csv
  cat export.ndjson | loneliness-scales score - --from ndjson --coding manual --columns 'v{n}'
  loneliness-scales score enquete.csv --columns 'order:seed:q12_{i}' --missing-values 'NA,.,weet niet' --excel --out scored.csv
  loneliness-scales score ggd.sav --scale djg11 --columns 'GGEEB2{nn}' --out scored.sav
  loneliness-scales score enquete.xlsx --sheet Data --coding rivm --columns 'lone{n}' --out scored.csv
`;

/** `score`: scores every row of a CSV, TSV or NDJSON file or an .xlsx sheet and writes it out with the scores. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score every row of a CSV/TSV/NDJSON/SPSS file or .xlsx sheet; write the rows with score columns appended.',
  help,
  async run(args, io) {
    const { values: parsed, positionals } = parseCommandLine(args, {
      out: { type: 'string', short: 'o' },
      to: { type: 'string' },
      prefix: { type: 'string' },
      fsync: { type: 'boolean' },
      excel: { type: 'boolean' },
    });
    const values = parsed as Record<string, string | undefined> & { help?: boolean; fsync?: boolean };
    if (values.help === true) {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    const options = readBatchOptions(parsed, io.cwd);
    const to = readFormatOption(values.to, '--to') ?? (parsed['excel'] === true ? 'excel-csv' : undefined);
    if (parsed['excel'] === true && to !== 'excel-csv') throw new UsageError(`--excel and --to ${String(to)} disagree: give one.`);
    const input = openInput(positionals[0], io, options.from, options.sheet);
    // Opened before the input is read: an unwritable --out, or one that is the input, stops here.
    const output = await openOutput(values.out, io, input, values.fsync === true);
    try {
      const counts = await runBatch(
        input,
        output,
        {
          scale: options.scale,
          scoring: options.scoring,
          columns: options.columns,
          language: options.language,
          output: to ?? defaultOutputFormat(values.out, input.format),
          prefix: values.prefix,
          strict: options.strict,
          ...options.reading,
        },
        io,
        options,
      );
      await output.commit();
      if (!options.quiet) {
        const count = (value: number) => value.toLocaleString('en');
        io.stderr.write(`${count(counts.read)} rows read, ${count(counts.scored)} scored, ${count(counts.notScored)} not scored (${count(counts.bad)} bad).\n`);
      }
      return counts.bad > 0 ? exitCodes.rowsNotScored : exitCodes.ok;
    } finally {
      // Any failure (a usage error at the header, --strict, a full disk) leaves no file at --out.
      output.discard();
    }
  },
};
