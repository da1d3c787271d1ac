* De Jong Gierveld loneliness scales: item points, scores, missing answers and categories,
* written from the scoring rules of the Manual of the Loneliness Scale (de Jong Gierveld &
* van Tilburg 1999, update 2022) for both the 6-item and the 11-item scale.
* Placeholders, filled in per coding by the parity test:
*   {{INPUT}}, {{OUTPUT}}   the data file (id, lone1..lone11) and the file written;
*   {{AGREE}}               codes of the answers that agree ("yes", "more or less"; 5-point:
*                           "yes!", "yes", "more or less") - 1 point on emotional items;
*   {{DISAGREE}}            codes of the answers that disagree ("no", "more or less"; 5-point:
*                           "no!", "no", "more or less") - 1 point on social items.

GET DATA /TYPE=TXT /FILE='{{INPUT}}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /DELIMITERS=','
  /FIRSTCASE=2
  /VARIABLES=id F8.0 lone1 F4.0 lone2 F4.0 lone3 F4.0 lone4 F4.0 lone5 F4.0 lone6 F4.0
    lone7 F4.0 lone8 F4.0 lone9 F4.0 lone10 F4.0 lone11 F4.0.

* MANUAL: no answer, system-missing and every negative code are missing.
MISSING VALUES lone1 TO lone11 (LOWEST THRU -1).

* Item points. The neutral answer scores 1 on every item; agreeing scores 1 on the negatively
* worded (emotional) items 2 3 5 6 9 10, disagreeing on the positively worded (social) items
* 1 4 7 8 11. COUNT skips missing values.

* 6-item scale (items 3 9 10 emotional, 4 7 8 social).
COUNT emo6 = lone3 lone9 lone10 ({{AGREE}}).
COUNT soc6 = lone4 lone7 lone8 ({{DISAGREE}}).
COMPUTE mis6 = NMISS(lone3, lone4, lone7, lone8, lone9, lone10).
COMPUTE tot6 = emo6 + soc6.
* MANUAL: the total is missing when more than one item is missing; with one missing item it is
* the plain count over the other five. Each subscale is missing when any of its items is.
IF (mis6 > 1) tot6 = $SYSMIS.
IF (NMISS(lone3, lone9, lone10) > 0) emo6 = $SYSMIS.
IF (NMISS(lone4, lone7, lone8) > 0) soc6 = $SYSMIS.
* MANUAL: 0-1 not lonely (0), 2-4 moderately lonely (1), 5-6 severely lonely (2).
RECODE tot6 (0 THRU 1=0) (2 THRU 4=1) (5 THRU 6=2) (ELSE=SYSMIS) INTO cat6.

* 11-item scale (items 2 3 5 6 9 10 emotional, 1 4 7 8 11 social); every item required.
COUNT emo11 = lone2 lone3 lone5 lone6 lone9 lone10 ({{AGREE}}).
COUNT soc11 = lone1 lone4 lone7 lone8 lone11 ({{DISAGREE}}).
COMPUTE mis11 = NMISS(lone1, lone2, lone3, lone4, lone5, lone6, lone7, lone8, lone9, lone10, lone11).
COMPUTE tot11 = emo11 + soc11.
IF (mis11 > 0) tot11 = $SYSMIS.
IF (NMISS(lone2, lone3, lone5, lone6, lone9, lone10) > 0) emo11 = $SYSMIS.
IF (NMISS(lone1, lone4, lone7, lone8, lone11) > 0) soc11 = $SYSMIS.
* van Tilburg & de Jong Gierveld 1999: 0-2, 3-8, 9-10, 11 (codes 0-3).
RECODE tot11 (0 THRU 2=0) (3 THRU 8=1) (9 THRU 10=2) (11=3) (ELSE=SYSMIS) INTO cat11.

FORMATS tot6 emo6 soc6 cat6 mis6 tot11 emo11 soc11 cat11 mis11 (F2.0).
SAVE TRANSLATE /OUTFILE='{{OUTPUT}}' /TYPE=CSV /FIELDNAMES /REPLACE
  /KEEP=id tot6 emo6 soc6 cat6 mis6 tot11 emo11 soc11 cat11 mis11.
