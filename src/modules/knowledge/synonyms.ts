// Words citizens use for the same thing. A query for one word of a group also finds
// the others (scored a little lower). Articles add their own synonyms in the editor.
import type { Lang } from '../../platform/i18n/index.ts';

export const synonymGroups: Record<Lang, string[][]> = {
  da: [
    ['storskrald', 'haveaffald', 'grovaffald', 'storskraldsordning'],
    ['flytte', 'flytning', 'flyttemeddelelse', 'adresseændring'],
    ['sundhedskort', 'sygesikringsbevis', 'sygesikringskort'],
    ['pas', 'rejsepas'],
    ['kørekort', 'førerbevis'],
    ['boligstøtte', 'huslejetilskud', 'boligsikring'],
    ['daginstitution', 'vuggestue', 'børnehave', 'dagpleje', 'pasningsgaranti'],
    ['rotte', 'rotter', 'skadedyr'],
    ['svømmehal', 'svømmebad', 'badeland'],
    ['byggetilladelse', 'byggeansøgning', 'byggesag'],
    ['mitid', 'nemid'],
    ['digitalpost', 'postkasse'],
    ['affald', 'skrald', 'renovation', 'dagrenovation'],
    ['parkering', 'parkeringstilladelse', 'beboerlicens'],
    ['foreningstilskud', 'tilskud', 'lokaletilskud'],
    ['skoleindskrivning', 'skolestart', 'indskrivning'],
  ],
  en: [
    ['bulky', 'garden', 'waste'],
    ['move', 'moving', 'relocation'],
    ['passport', 'travel'],
    ['daycare', 'nursery', 'kindergarten', 'childcare'],
    ['rubbish', 'waste', 'garbage', 'trash'],
  ],
};
