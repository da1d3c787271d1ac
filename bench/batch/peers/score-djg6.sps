* 6-item De Jong Gierveld scores by the MANUAL's rules: the benchmark's PSPP peer.
* Coding: 1 = no, 2 = more or less, 3 = yes; blanks and negative codes are missing.
* Run: sed "s#{{INPUT}}#in.csv#; s#{{OUTPUT}}#out.csv#" score-djg6.sps > run.sps && pspp run.sps
GET DATA /TYPE=TXT /FILE='{{INPUT}}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /DELIMITERS=',' /FIRSTCASE=2
  /VARIABLES=id F8.0 wave F4.0 lone1 F4.0 lone2 F4.0 lone3 F4.0 lone4 F4.0 lone5 F4.0 lone6 F4.0
    lone7 F4.0 lone8 F4.0 lone9 F4.0 lone10 F4.0 lone11 F4.0.
MISSING VALUES lone1 TO lone11 (LOWEST THRU -1).
COUNT emotional = lone3 lone9 lone10 (2,3).
COUNT social = lone4 lone7 lone8 (1,2).
COMPUTE missing_items = NMISS(lone3, lone4, lone7, lone8, lone9, lone10).
COMPUTE total = emotional + social.
IF (missing_items > 1) total = $SYSMIS.
IF (NMISS(lone3, lone9, lone10) > 0) emotional = $SYSMIS.
IF (NMISS(lone4, lone7, lone8) > 0) social = $SYSMIS.
RECODE total (0 THRU 1=0) (2 THRU 4=1) (5 THRU 6=2) (ELSE=SYSMIS) INTO category.
STRING category_label (A17).
RECODE category (0='not lonely') (1='moderately lonely') (2='severely lonely') INTO category_label.
FORMATS total emotional social category missing_items (F2.0).
SAVE TRANSLATE /OUTFILE='{{OUTPUT}}' /TYPE=CSV /FIELDNAMES /REPLACE.
