/**
 * The sample survey files that `loneliness-scales example` writes out, so that the first commands
 * a user copies work in an empty folder. The same bytes as examples/data/ in the repository (a
 * test keeps them equal).
 */

/** A sample file: its name, what it holds, the command that scores it, and its text. */
export interface SampleFile {
  /** The name given to `loneliness-scales example`, and the file name in examples/data/ (without .csv). */
  readonly name: string;
  /** One line for the help. */
  readonly description: string;
  /** A command that scores it (after `loneliness-scales example NAME > FILE`); FILE stands for the file. */
  readonly tryWith: string;
  /** The CSV text. */
  readonly text: string;
}

/** The sample files, the first being the default. */
export const sampleFiles: readonly SampleFile[] = [
  {
    name: "enquete-nl",
    description: "12 respondents, 6-item scale, Dutch answer labels (ja / min of meer / nee), columns named by item key; a few missing and one invalid answer.",
    tryWith: "loneliness-scales score FILE --lang nl",
    text: "respondent,gemeente,emptiness,leanOn,trust,closeTo,missPeople,rejected\nr001,Gent,ja,ja,ja,min of meer,ja,ja\nr002,Gent,nee,ja,ja,ja,nee,nee\nr003,Leuven,min of meer,nee,min of meer,nee,ja,min of meer\nr004,Leuven,nee,ja,ja,ja,nee,\nr005,Brugge,ja,nee,nee,nee,ja,ja\nr006,Brugge,,,ja,ja,nee,nee\nr007,Antwerpen,Nee,Ja,Ja,Min of meer,Nee,Nee\nr008,Antwerpen,ja,ja,min of meer,ja,nee,nee\nr009,Hasselt,nee,min of meer,ja,ja,nee,nee\nr010,Hasselt,ja,ja,ja,ja,ja,misschien\nr011,Mechelen,meer of minder,ja,nee,ja,ja,nee\nr012,Mechelen,nee,ja,ja,ja,nee,nee\n",
  },
  {
    name: "survey-coded",
    description: "40 respondents, 11-item scale coded 1 = no, 2 = more or less, 3 = yes (--coding manual), columns lone1..lone11, a weight column; -1 is a missing answer.",
    tryWith: "loneliness-scales summary FILE --coding manual --columns 'lone{n}' --weights weight",
    text: "respondent,wave,weight,lone1,lone2,lone3,lone4,lone5,lone6,lone7,lone8,lone9,lone10,lone11\nR001,2024,1.4,1,3,3,1,3,3,2,3,3,3,2\nR002,2024,0.8,3,2,3,1,2,1,1,3,1,1,3\nR003,2024,0.7,2,1,3,1,3,3,3,1,3,2,2\nR004,2024,2.0,1,1,3,3,1,-1,1,3,1,1,1\nR005,2024,1.7,3,1,1,3,-1,1,2,3,1,1,2\nR006,2024,2.0,3,1,1,3,1,1,3,3,1,2,2\nR007,2024,0.8,3,1,3,3,1,1,2,3,1,3,1\nR008,2024,1.8,1,2,3,3,1,3,1,1,3,3,1\nR009,2024,0.8,1,2,1,1,2,1,2,3,1,1,3\nR010,2024,1.1,,1,1,3,1,1,3,,3,1,\nR011,2024,1.0,3,1,1,3,2,1,2,3,1,2,3\nR012,2024,1.0,2,1,2,3,1,,3,3,2,1,3\nR013,2024,1.4,1,1,3,3,3,1,2,3,2,1,3\nR014,2024,0.6,3,1,3,2,1,3,3,3,3,2,3\nR015,2024,1.7,1,1,1,3,3,1,1,3,2,1,3\nR016,2024,0.8,3,3,1,1,1,3,3,1,1,,3\nR017,2024,1.6,3,2,,3,,1,3,3,3,1,3\nR018,2024,0.6,2,1,3,3,3,3,3,1,3,1,3\nR019,2024,0.7,1,3,2,3,1,2,1,1,3,3,1\nR020,2024,1.7,3,2,1,3,1,1,3,3,1,1,3\nR021,2024,0.9,2,1,1,3,1,2,3,3,1,1,3\nR022,2024,1.2,1,1,2,3,2,2,3,3,2,2,1\nR023,2024,1.5,3,3,1,1,3,3,3,1,3,1,1\nR024,2024,2.0,3,,1,2,3,1,3,3,2,1,\nR025,2024,1.6,3,1,1,3,1,1,3,3,1,2,3\nR026,2024,1.4,1,3,3,1,3,3,1,1,3,3,1\nR027,2024,0.5,1,2,1,3,1,1,3,3,-1,2,3\nR028,2024,1.1,3,1,2,1,1,1,3,3,2,1,2\nR029,2024,1.8,3,1,2,1,2,1,1,3,3,1,2\nR030,2024,0.7,3,1,1,3,1,1,2,1,2,1,1\nR031,2024,1.5,1,3,3,3,1,1,2,1,1,1,1\nR032,2024,2.0,-1,3,3,1,3,3,1,1,3,3,1\nR033,2024,1.4,1,1,1,3,1,1,3,1,1,3,\nR034,2024,0.9,1,3,3,2,3,1,1,3,3,1,1\nR035,2024,0.9,1,1,1,1,1,,1,3,1,1,2\nR036,2024,1.1,3,1,1,2,1,1,,3,1,2,3\nR037,2024,0.6,1,1,2,3,2,2,1,2,1,1,3\nR038,2024,1.1,3,1,1,3,2,1,3,3,1,1,1\nR039,2024,1.1,1,2,1,1,3,3,3,3,2,2,3\nR040,2024,1.1,2,2,1,3,1,2,3,1,2,3,1\n",
  },
];
