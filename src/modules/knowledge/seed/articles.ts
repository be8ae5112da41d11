// Demo content for a municipality like Albertslund: plain Danish (LIX ≤ 40, checked by
// seed.test.ts), some answers in English too. Opening hours and phone numbers are examples.
import type { ArticleInput, Referral } from '../schema.ts';

type Text = [title: string, shortAnswer: string, body: string];

export interface SeedArticle {
  da: Text;
  en?: Text;
  audience?: 'public' | 'internal';
  department: string;
  topic?: string;
  keywords?: string[];
  synonyms?: string[];
  services?: string[];
  referral?: Referral;
  /** Days from today to the review date; negative = overdue. */
  reviewInDays?: number;
}

// Department ids as in KANAL_DEPARTMENTS' default.
const BS = 'borgerservice';
const MT = 'miljoe-teknik';
const BU = 'boern-unge';
const KF = 'kultur-fritid';
const SS = 'social-sundhed';
const ADM = 'administration';

export const seedArticles: SeedArticle[] = [
  {
    department: BS,
    keywords: ['rådhus', 'åbningstid', 'borgerservice'],
    da: [
      'Hvornår har rådhuset åbent?',
      'Borgerservice på rådhuset har åbent mandag til onsdag kl. 10-15, torsdag kl. 10-17.30 og fredag kl. 10-13.',
      'Rådhuset ligger på Nordmarks Allé 1.\n\nDu kan tit klare din sag selv på nettet. Så skal du ikke vente i kø.\n\nHar du brug for hjælp, kan du ringe til os på 43 68 68 68.',
    ],
    en: [
      'When is the town hall open?',
      'Citizen Service at the town hall is open Monday to Wednesday 10-15, Thursday 10-17.30 and Friday 10-13.',
      'The town hall is at Nordmarks Allé 1.\n\nYou can often do it yourself online. Then you do not have to wait.\n\nIf you need help, call us on 43 68 68 68.',
    ],
  },
  {
    department: KF,
    keywords: ['bibliotek', 'åbningstid', 'lån', 'bøger'],
    synonyms: ['bib'],
    da: [
      'Hvornår har biblioteket åbent?',
      'Biblioteket har åbent med personale hverdage kl. 10-18 og lørdag kl. 10-14. Med dit sundhedskort kan du komme ind kl. 7-22 alle dage.',
      'Du låner bøger, film og spil gratis.\n\nDu skal bruge dit sundhedskort og en pinkode for at komme ind, når der ikke er personale.\n\nDu kan forny dine lån på nettet.',
    ],
    en: [
      'When is the library open?',
      'The library is staffed on weekdays 10-18 and Saturday 10-14. With your health card you can get in 7-22 every day.',
      'You borrow books, films and games for free.\n\nYou need your health card and a PIN to get in when there are no staff.\n\nYou can renew your loans online.',
    ],
  },
  {
    department: KF,
    keywords: ['svømmehal', 'svømning', 'åbningstid', 'bad'],
    da: [
      'Hvornår har svømmehallen åbent?',
      'Svømmehallen har åbent for alle mandag til fredag kl. 6-21 og i weekenden kl. 8-16.',
      'Nogle timer er banerne lånt ud til klubber og skoler. Se planen ved indgangen.\n\nBørn under 7 år skal have en voksen med i vandet.\n\nDu kan købe kort i kassen eller på nettet.',
    ],
  },
  {
    department: MT,
    topic: '07.18',
    keywords: ['storskrald', 'afhentning', 'affald', 'bestil'],
    synonyms: ['haveaffald', 'grovaffald'],
    services: ['storskrald'],
    da: [
      'Hvordan får jeg hentet storskrald?',
      'Du bestiller afhentning af storskrald på nettet. Vi henter det på din faste dag.',
      '## Sådan gør du\n\n- Bestil senest to dage før din faste dag.\n- Stil tingene ved vejen aftenen før.\n- Læg små ting i en kasse eller pose.\n\n## Det henter vi ikke\n\nVi henter ikke byggeaffald, maling og kemi. Det skal du selv køre på genbrugsstationen.',
    ],
    en: [
      'How do I get bulky waste collected?',
      'You book collection of bulky waste online. We collect it on your fixed day.',
      '- Book at least two days before your fixed day.\n- Put the items by the road the evening before.\n- Put small items in a box or bag.\n\nWe do not collect building waste, paint or chemicals. Take them to the recycling centre.',
    ],
  },
  {
    department: MT,
    topic: '07.18',
    keywords: ['haveaffald', 'grene', 'blade', 'kompost'],
    synonyms: ['storskrald'],
    services: ['storskrald'],
    da: [
      'Hvad gør jeg med haveaffald?',
      'Haveaffald kan du køre gratis på genbrugsstationen. I villaer henter vi det også hver anden uge fra april til november.',
      'Bind grene sammen i bundter. De må højst være 1,5 meter lange.\n\nBlade og græs skal i papirsække eller i din egen beholder.\n\nDu kan også lave kompost i din have.',
    ],
  },
  {
    department: MT,
    topic: '07.18',
    keywords: ['sortering', 'affald', 'plast', 'pap', 'madaffald'],
    synonyms: ['skrald', 'renovation'],
    da: [
      'Hvordan sorterer jeg mit affald?',
      'Du sorterer i madaffald, restaffald, papir, pap, plast, metal og glas. Hver slags har sin egen beholder.',
      '## Tips\n\n- Skyl plast og metal, så det ikke lugter.\n- Fold pap, så der er plads.\n- Madaffald skal i den grønne pose.\n\nEr du i tvivl? Så læg det i restaffald.',
    ],
    en: [
      'How do I sort my waste?',
      'You sort into food waste, residual waste, paper, cardboard, plastic, metal and glass. Each has its own bin.',
      '- Rinse plastic and metal so it does not smell.\n- Fold cardboard to save space.\n- Food waste goes in the green bag.\n\nIn doubt? Put it in residual waste.',
    ],
  },
  {
    reviewInDays: -5,
    department: MT,
    keywords: ['genbrugsstation', 'åbningstid', 'affald'],
    da: [
      'Hvornår har genbrugsstationen åbent?',
      'Genbrugsstationen har åbent alle dage kl. 10-18. Den er lukket på helligdage.',
      'Du skal sortere dit affald, før du kommer. Så går det hurtigere.\n\nDu må køre i bil eller i trailer. Du må ikke komme i en stor varebil uden tilladelse.',
    ],
  },
  {
    department: MT,
    keywords: ['skraldespand', 'tømt', 'glemt', 'affald'],
    synonyms: ['skrald'],
    da: [
      'Min skraldespand er ikke blevet tømt. Hvad gør jeg?',
      'Meld det på nettet senest dagen efter. Så kommer vi og tømmer den.',
      'Tjek først, om låget kan lukke. Vi tømmer ikke en spand, der er for fuld.\n\nSpanden skal stå ved vejen fra kl. 6 om morgenen.',
    ],
  },
  {
    department: BS,
    keywords: ['flytning', 'adresse', 'flytte'],
    synonyms: ['adresseændring', 'flyttemeddelelse'],
    services: ['flytning'],
    referral: { authority: 'borger.dk', url: 'https://www.borger.dk/', hours: { da: 'Altid åbent på nettet', en: 'Always open online' } },
    da: [
      'Hvordan melder jeg flytning?',
      'Du melder flytning på borger.dk med MitID. Du skal gøre det senest fem dage efter, du er flyttet.',
      'Når du melder flytning, får andre myndigheder din nye adresse.\n\nDu kan også vælge en ny læge samtidig.\n\nHar du ikke MitID? Så kom på rådhuset. Vi hjælper dig.',
    ],
    en: [
      'How do I report a move?',
      'You report your move on borger.dk with MitID. You must do it no later than five days after you moved.',
      'When you report a move, other authorities get your new address.\n\nYou can also choose a new doctor at the same time.\n\nNo MitID? Come to the town hall. We will help you.',
    ],
  },
  {
    department: BS,
    keywords: ['sundhedskort', 'gult kort', 'nyt kort', 'mistet'],
    synonyms: ['sygesikringsbevis'],
    da: [
      'Hvordan får jeg et nyt sundhedskort?',
      'Du bestiller et nyt sundhedskort på borger.dk. Det koster 205 kr., hvis du har mistet det.',
      'Kortet kommer med posten efter cirka to uger.\n\nDu kan bruge appen Sundhedskortet, mens du venter.\n\nDet er gratis, hvis du flytter eller skifter læge.',
    ],
    en: [
      'How do I get a new health card?',
      'You order a new health card on borger.dk. It costs DKK 205 if you lost it.',
      'The card comes by post after about two weeks.\n\nYou can use the app Sundhedskortet while you wait.\n\nIt is free if you move or change doctor.',
    ],
  },
  {
    department: BS,
    keywords: ['læge', 'skifte læge', 'ny læge'],
    da: [
      'Hvordan skifter jeg læge?',
      'Du skifter læge på borger.dk med MitID. Det koster 190 kr., hvis du ikke flytter.',
      'Du kan kun vælge en læge, der tager nye patienter.\n\nDu får et nyt sundhedskort med din nye læge.',
    ],
  },
  {
    department: BS,
    keywords: ['mitid', 'app', 'kodeviser', 'hjælp'],
    synonyms: ['nemid'],
    da: [
      'Hvordan får jeg MitID?',
      'Du får MitID i appen MitID. Du skal bruge dit pas eller kørekort. Har du ikke det, kan du få hjælp i Borgerservice.',
      '## Sådan gør du\n\n1. Hent appen MitID.\n2. Scan dit pas med telefonen.\n3. Vælg en kode.\n\nDu kan også få en kodeviser. Den kan du få på rådhuset.\n\nTag pas eller kørekort med.',
    ],
    en: [
      'How do I get MitID?',
      'You get MitID in the MitID app. You need your passport or driving licence. If you have neither, Citizen Service can help.',
      '1. Download the MitID app.\n2. Scan your passport with your phone.\n3. Choose a code.\n\nYou can also get a code display at the town hall. Bring your passport or driving licence.',
    ],
  },
  {
    department: BS,
    keywords: ['mitid', 'spærret', 'glemt', 'kode'],
    da: [
      'Jeg har glemt min kode til MitID. Hvad gør jeg?',
      'Du kan lave en ny kode i appen MitID. Er dit MitID spærret, kan du ringe til MitID support.',
      'MitID support har åbent hele døgnet på tlf. 33 98 00 10.\n\nDu kan også komme i Borgerservice. Husk pas eller kørekort.',
    ],
  },
  {
    department: BS,
    keywords: ['digital post', 'post', 'breve', 'fritagelse'],
    synonyms: ['eboks', 'postkasse'],
    da: [
      'Hvordan læser jeg min Digital Post?',
      'Du læser Digital Post i appen Digital Post, på borger.dk eller i e-Boks. Du skal bruge MitID.',
      'Alle over 15 år får post fra det offentlige digitalt.\n\nKan du ikke bruge en computer? Så kan du blive fritaget. Kom i Borgerservice.\n\nDu kan også give en anden lov til at læse din post.',
    ],
    en: [
      'How do I read my Digital Post?',
      'You read Digital Post in the Digital Post app, on borger.dk or in e-Boks. You need MitID.',
      'Everyone over 15 gets post from the public sector digitally.\n\nCannot use a computer? You can be exempted. Come to Citizen Service.\n\nYou can also let someone else read your post.',
    ],
  },
  {
    department: BS,
    keywords: ['pas', 'nyt pas', 'bestil', 'pris'],
    synonyms: ['rejsepas'],
    services: ['pas'],
    da: [
      'Hvordan får jeg et nyt pas?',
      'Du bestiller tid i Borgerservice og betaler på nettet. Et pas til voksne koster 687 kr.',
      '## Sådan gør du\n\n1. Betal på borger.dk.\n2. Bestil tid i Borgerservice.\n3. Tag dit gamle pas og et foto med.\n\nPasset kommer med posten efter cirka tre uger. Skal du snart rejse? Så sig det, når du kommer.',
    ],
    en: [
      'How do I get a new passport?',
      'You book a time at Citizen Service and pay online. An adult passport costs DKK 687.',
      '1. Pay on borger.dk.\n2. Book a time at Citizen Service.\n3. Bring your old passport and a photo.\n\nThe passport comes by post after about three weeks.',
    ],
  },
  {
    department: BS,
    keywords: ['kørekort', 'fornyelse', 'nyt kørekort'],
    synonyms: ['førerbevis'],
    services: ['koerekort'],
    da: [
      'Hvordan fornyer jeg mit kørekort?',
      'Du betaler på nettet og bestiller tid i Borgerservice. Tag et nyt foto med.',
      'Et kørekort gælder i 15 år. Du kan se datoen på kortet.\n\nEr du over 75 år, skal du måske have en attest fra din læge.\n\nDu kan bruge appen Kørekort, mens du venter.',
    ],
  },
  {
    department: BS,
    keywords: ['kørekort', 'mistet', 'stjålet'],
    da: [
      'Jeg har mistet mit kørekort. Hvad gør jeg?',
      'Du bestiller et nyt kørekort i Borgerservice. Er det stjålet, skal du også melde det til politiet.',
      'Du må køre bil med appen Kørekort, mens du venter.\n\nTag et nyt foto med, når du kommer.',
    ],
  },
  {
    department: BS,
    keywords: ['boligstøtte', 'husleje', 'tilskud'],
    synonyms: ['huslejetilskud', 'boligsikring'],
    referral: { authority: 'Udbetaling Danmark', url: 'https://www.borger.dk/', phone: '70 12 80 63', hours: { da: 'Mandag til fredag kl. 9-15', en: 'Monday to Friday 9-15' } },
    da: [
      'Kan jeg få boligstøtte?',
      'Boligstøtte søger du hos Udbetaling Danmark. Det er ikke kommunen, der giver den.',
      'Om du kan få støtte, afhænger af din husleje, din indtægt og hvor mange I bor.\n\nDu søger på borger.dk med MitID.\n\nHar du brug for hjælp til at søge? Så kom i Borgerservice.',
    ],
    en: [
      'Can I get housing benefit?',
      'You apply for housing benefit at Udbetaling Danmark. The municipality does not pay it.',
      'It depends on your rent, your income and how many live with you.\n\nYou apply on borger.dk with MitID.\n\nNeed help to apply? Come to Citizen Service.',
    ],
  },
  {
    department: BS,
    keywords: ['folkepension', 'pension', 'alder'],
    referral: { authority: 'Udbetaling Danmark', url: 'https://www.borger.dk/', phone: '70 12 80 40', hours: { da: 'Mandag til fredag kl. 9-15' } },
    da: [
      'Hvordan søger jeg folkepension?',
      'Folkepension søger du hos Udbetaling Danmark på borger.dk. Du får et brev, før du kan søge.',
      'Du kan tidligst søge seks måneder før, du når din pensionsalder.\n\nHar du spørgsmål om din pension, skal du ringe til Udbetaling Danmark.',
    ],
  },
  {
    department: BS,
    keywords: ['barsel', 'barselsdagpenge', 'orlov'],
    referral: { authority: 'Udbetaling Danmark', url: 'https://www.borger.dk/', phone: '70 12 80 61', hours: { da: 'Mandag til fredag kl. 9-15' } },
    da: [
      'Hvem udbetaler barselsdagpenge?',
      'Barselsdagpenge får du fra Udbetaling Danmark. Du søger på borger.dk.',
      'Tal med din arbejdsgiver om din orlov i god tid.\n\nEr du ledig, skal du også tale med dit jobcenter.',
    ],
  },
  {
    department: BS,
    keywords: ['skat', 'forskudsopgørelse', 'årsopgørelse'],
    referral: { authority: 'Skattestyrelsen', url: 'https://skat.dk/', phone: '72 22 18 18', hours: { da: 'Mandag til fredag kl. 9-15' } },
    da: [
      'Hvem hjælper med min skat?',
      'Spørgsmål om skat klarer Skattestyrelsen. Du ændrer din forskudsopgørelse på skat.dk.',
      'Du logger på med MitID.\n\nKommunen kan ikke ændre din skat. Men vi kan vise dig, hvordan du bruger skat.dk.',
    ],
    en: [
      'Who helps with my tax?',
      'The Danish Tax Agency handles tax. You change your preliminary income assessment on skat.dk.',
      'You log in with MitID.\n\nThe municipality cannot change your tax. But we can show you how to use skat.dk.',
    ],
  },
  {
    department: BS,
    keywords: ['skilsmisse', 'samvær', 'forældremyndighed', 'separation'],
    referral: { authority: 'Familieretshuset', url: 'https://familieretshuset.dk/', phone: '72 56 70 00', hours: { da: 'Mandag til fredag kl. 9-15' } },
    da: [
      'Hvor søger jeg om skilsmisse?',
      'Skilsmisse og separation søger du hos Familieretshuset. Det gælder også aftaler om børn.',
      'Du søger digitalt med MitID.\n\nFamilieretshuset kan også hjælpe, hvis I ikke kan blive enige om samvær.',
    ],
  },
  {
    department: BS,
    keywords: ['sundhed', 'journal', 'prøvesvar', 'vaccine'],
    referral: { authority: 'sundhed.dk', url: 'https://www.sundhed.dk/' },
    da: [
      'Hvor kan jeg se mine prøvesvar?',
      'Du ser prøvesvar, vacciner og din journal på sundhed.dk. Du logger på med MitID.',
      'Du kan også bruge appen Min Sundhed.\n\nHar du spørgsmål til et svar, skal du tale med din læge.',
    ],
  },
  {
    department: BS,
    keywords: ['straffeattest', 'børneattest', 'politi'],
    referral: { authority: 'Politiet', url: 'https://politi.dk/', phone: '114', hours: { da: 'Hele døgnet' } },
    da: [
      'Hvordan får jeg en straffeattest?',
      'Straffeattest bestiller du hos politiet på politi.dk. Det er gratis for din egen attest.',
      'Du logger på med MitID og får svar i Digital Post.\n\nSkal du arbejde med børn? Så beder din arbejdsgiver om en børneattest.',
    ],
  },
  {
    department: BS,
    keywords: ['hittegods', 'mistet', 'fundet'],
    referral: { authority: 'Politiet', url: 'https://politi.dk/', phone: '114' },
    da: [
      'Hvor melder jeg noget, jeg har mistet eller fundet?',
      'Hittegods melder du til politiet på politi.dk. Har du mistet noget i bussen, skal du kontakte Movia.',
      'Har du mistet dit pas, kørekort eller sundhedskort? Så skal du også bestille et nyt.',
    ],
  },
  {
    department: BU,
    topic: '28.03',
    keywords: ['vuggestue', 'børnehave', 'dagpleje', 'plads', 'skriv op'],
    synonyms: ['pasning', 'daginstitution'],
    services: ['pladsanvisning'],
    da: [
      'Hvordan får mit barn plads i vuggestue eller børnehave?',
      'Du skriver dit barn op til pasning på nettet med MitID. Du kan gøre det, når barnet har fået et cpr-nummer.',
      'Vi giver en plads senest fire måneder efter, du har søgt. Det kalder vi pasningsgarantien.\n\nDu kan ønske fire steder. Vi gør, hvad vi kan, for at du får dit første ønske.\n\nSkriv op i god tid. Så er det lettere at få den plads, du ønsker.',
    ],
    en: [
      'How does my child get a place in nursery or kindergarten?',
      'You put your child on the list online with MitID. You can do it when the child has a CPR number.',
      'We offer a place no later than four months after you apply. This is the childcare guarantee.\n\nYou can wish for four places. We try to give you your first wish.',
    ],
  },
  {
    department: BU,
    keywords: ['pris', 'betaling', 'vuggestue', 'børnehave', 'friplads'],
    da: [
      'Hvad koster en plads i børnehave?',
      'En plads i børnehave koster cirka 2.300 kr. om måneden. Du betaler ikke i juli.',
      'Har du en lav indtægt, kan du søge om friplads.\n\nHar du flere børn i pasning, får du rabat på den billigste plads.\n\nDu kan se alle priser på kommunens hjemmeside.',
    ],
  },
  {
    department: BU,
    topic: '17.01',
    keywords: ['skolestart', 'indskrivning', 'skole', '0. klasse'],
    synonyms: ['skoleindskrivning'],
    services: ['skoleindskrivning'],
    da: [
      'Hvordan skriver jeg mit barn ind i skole?',
      'Du skriver dit barn ind i skole på nettet i december året før skolestart. Du får et brev i Digital Post.',
      'Barnet går i den skole, der hører til jeres adresse. Du kan også ønske en anden skole.\n\nVil du vente et år med skolestart? Så skal du tale med børnehaven og skolen.',
    ],
    en: [
      'How do I enrol my child in school?',
      'You enrol your child online in December the year before school starts. You get a letter in Digital Post.',
      'Your child goes to the school that belongs to your address. You can also wish for another school.',
    ],
  },
  {
    department: BU,
    keywords: ['sfo', 'fritidshjem', 'efter skole'],
    da: [
      'Hvordan får mit barn plads i SFO?',
      'Du skriver dit barn op til SFO på nettet. Det sker tit sammen med skolestart.',
      'SFO har åbent før og efter skole.\n\nDu kan melde dit barn ud med en måneds varsel.',
    ],
  },
  {
    department: BU,
    keywords: ['tandpleje', 'tandlæge', 'børn'],
    da: [
      'Får mit barn gratis tandpleje?',
      'Ja. Børn og unge under 22 år får gratis tandpleje i kommunen.',
      'Vi sender et brev, når dit barn skal til tjek.\n\nHar dit barn ondt, kan du ringe til klinikken samme dag.',
    ],
  },
  {
    department: MT,
    keywords: ['parkering', 'tilladelse', 'beboer', 'p-skive'],
    synonyms: ['beboerlicens', 'p-tilladelse'],
    services: ['parkering'],
    da: [
      'Hvordan får jeg en parkeringstilladelse?',
      'Bor du i en zone med betalt parkering, kan du søge en parkeringstilladelse på nettet. Den koster 300 kr. om året.',
      'Du kan få én tilladelse pr. bil.\n\nBilen skal være registreret på din adresse.\n\nHar du et handicap, kan du søge et særligt parkeringskort.',
    ],
    en: [
      'How do I get a parking permit?',
      'If you live in a paid parking zone, you can apply for a permit online. It costs DKK 300 a year.',
      'You can get one permit per car. The car must be registered at your address.',
    ],
  },
  {
    department: MT,
    keywords: ['parkering', 'handicap', 'parkeringskort'],
    da: [
      'Hvordan søger jeg handicapparkering?',
      'Et parkeringskort til handicappede søger du hos Danske Handicaporganisationer. Det koster 170 kr.',
      'Du skal have svært ved at gå. Din læge skal skrive under.\n\nVil du have en fast plads ved dit hjem, skal du søge kommunen.',
    ],
  },
  {
    department: MT,
    topic: '09.21',
    keywords: ['rotter', 'rotte', 'skadedyr', 'anmeld'],
    synonyms: ['skadedyr'],
    services: ['rotter'],
    da: [
      'Jeg har set en rotte. Hvad gør jeg?',
      'Du skal anmelde rotter til kommunen. Det er gratis, og vi kommer inden for få dage.',
      'Du anmelder på nettet. Skriv hvor du så rotten.\n\nLuk huller ved døre og kloak.\n\nFodr ikke fugle på jorden. Det kan lokke rotter til.',
    ],
    en: [
      'I have seen a rat. What do I do?',
      'You must report rats to the municipality. It is free, and we come within a few days.',
      'Report it online. Write where you saw the rat.\n\nClose holes by doors and drains. Do not feed birds on the ground.',
    ],
  },
  {
    department: MT,
    topic: '02.34.02',
    keywords: ['byggetilladelse', 'carport', 'skur', 'tilbygning', 'søge'],
    synonyms: ['byggeansøgning', 'byggesag'],
    services: ['byggetilladelse'],
    da: [
      'Skal jeg søge om lov til at bygge?',
      'Det kommer an på hvad du vil bygge. Et lille skur på under 50 m² kræver tit ikke tilladelse. Et nyt hus gør altid.',
      '## Det kræver tit ikke tilladelse\n\n- Carport, skur og drivhus på højst 50 m² i alt.\n- Hegn og små terrasser.\n\n## Det kræver tilladelse\n\n- Nyt hus og tilbygning.\n- Nyt tag med en anden form.\n\nDu skal altid følge lokalplanen. Se den på nettet, eller ring til os.',
    ],
    en: [
      'Do I need a building permit?',
      'It depends on what you build. A small shed under 50 m² often needs no permit. A new house always does.',
      '- Carports, sheds and greenhouses up to 50 m² in total often need no permit.\n- New houses and extensions need a permit.\n\nYou must always follow the local plan.',
    ],
  },
  {
    reviewInDays: -10,
    department: MT,
    keywords: ['hegn', 'hæk', 'nabo', 'skel'],
    da: [
      'Hvor højt må mit hegn være?',
      'Et hegn i skel må højst være 1,8 meter højt. Er I enige med naboen, må det være højere.',
      'Hegnet må ikke stå ud på vejen.\n\nEr I uenige, kan I få hjælp fra hegnsynet.',
    ],
  },
  {
    department: MT,
    keywords: ['vej', 'hul', 'lampe', 'fejl', 'giv et praj'],
    services: ['giv-et-praj'],
    da: [
      'Hvordan melder jeg et hul i vejen?',
      'Du melder huller, gadelys og andre fejl med Giv et praj. Det tager få minutter.',
      'Du kan sætte et billede på og vise stedet på et kort.\n\nDu får besked, når vi har ordnet det.',
    ],
  },
  {
    reviewInDays: -30,
    department: MT,
    keywords: ['sne', 'glat', 'snerydning', 'fortov'],
    da: [
      'Hvem rydder sne på fortovet?',
      'Du skal selv rydde sne og salte på fortovet ud for dit hus. Kommunen rydder vejene.',
      'Det skal være gjort kl. 7 på hverdage og kl. 8 i weekenden.\n\nBor du i lejlighed, er det tit din udlejer, der gør det.',
    ],
  },
  {
    department: KF,
    keywords: ['forening', 'tilskud', 'støtte', 'søge'],
    synonyms: ['foreningstilskud', 'lokaletilskud'],
    services: ['foreningstilskud'],
    da: [
      'Hvordan søger min forening tilskud?',
      'Foreninger søger tilskud på nettet. Fristen er 1. marts hvert år.',
      'Foreningen skal være godkendt af kommunen.\n\nI kan søge til aktiviteter for børn og unge og til lokaler.\n\nI skal sende et regnskab, når året er slut.',
    ],
    en: [
      'How does my association apply for a grant?',
      'Associations apply for grants online. The deadline is 1 March every year.',
      'The association must be approved by the municipality. You must send accounts when the year is over.',
    ],
  },
  {
    department: KF,
    keywords: ['lokale', 'leje', 'booking', 'hal'],
    da: [
      'Hvordan låner jeg et lokale?',
      'Foreninger låner lokaler og haller gratis. Du booker på nettet.',
      'Private kan leje nogle lokaler. Prisen står ved lokalet.\n\nHusk at rydde op, når I går.',
    ],
  },
  {
    department: KF,
    keywords: ['forening', 'godkendt', 'vedtægter'],
    da: [
      'Hvordan bliver vores forening godkendt?',
      'Send jeres vedtægter og en liste med bestyrelsen til kommunen. Så ser vi på det.',
      'Foreningen skal være åben for alle og have mindst fem medlemmer.\n\nNår I er godkendt, kan I låne lokaler og søge tilskud.',
    ],
  },
  {
    department: SS,
    keywords: ['hjemmehjælp', 'hjælp', 'rengøring', 'ældre'],
    da: [
      'Hvordan får jeg hjemmehjælp?',
      'Du søger hjemmehjælp hos kommunen. Ring til Visitationen eller skriv til os.',
      'Vi kommer på besøg og taler med dig om, hvad du har brug for.\n\nDu kan få hjælp til rengøring, tøjvask og at komme i bad.\n\nDu kan selv vælge, hvem der skal hjælpe.',
    ],
  },
  {
    department: SS,
    keywords: ['hjælpemidler', 'rollator', 'kørestol'],
    da: [
      'Hvordan låner jeg en rollator?',
      'Du søger hjælpemidler på nettet eller ved at ringe til os. Små ting kan du tit købe selv.',
      'Vi ser på, om du har brug for det i længere tid.\n\nEr det kun kort tid, kan du låne i Hjælpemiddeldepotet.',
    ],
  },
  {
    reviewInDays: -60,
    department: SS,
    keywords: ['madservice', 'mad', 'ældre'],
    da: [
      'Kan jeg få mad bragt hjem?',
      'Ja. Kan du ikke selv lave mad, kan du søge madservice hos kommunen.',
      'Maden kommer en eller flere gange om ugen.\n\nDu betaler selv for maden. Prisen står i brevet.',
    ],
  },
  {
    department: BS,
    keywords: ['ledig', 'jobcenter', 'dagpenge', 'tilmeld'],
    da: [
      'Jeg har mistet mit job. Hvad gør jeg?',
      'Tilmeld dig som ledig på jobnet.dk den første dag. Så kan du få penge fra din a-kasse.',
      'Kontakt din a-kasse samme dag.\n\nDu skal have et møde med jobcentret inden for de første uger.',
    ],
  },
  {
    department: ADM,
    keywords: ['ejendomsskat', 'grundskyld', 'betaling'],
    da: [
      'Hvornår betaler jeg ejendomsskat?',
      'Ejendomsskat betaler du sammen med din skat hver måned. Du skal ikke gøre noget selv.',
      'Du kan se beløbet på din forskudsopgørelse.\n\nHar du spørgsmål om selve vurderingen, skal du kontakte Vurderingsstyrelsen.',
    ],
  },
  {
    department: ADM,
    keywords: ['regning', 'betale', 'faktura', 'rykker'],
    da: [
      'Jeg har fået en regning fra kommunen. Hvordan betaler jeg?',
      'Du betaler med det nummer, der står på regningen. Du kan betale i din bank eller med MobilePay.',
      'Kan du ikke betale til tiden? Så ring til os. Vi kan tit lave en aftale.\n\nBetaler du for sent, får du en rykker.',
    ],
  },
  // Internal answers: for staff who answer citizens, never shown to citizens.
  {
    audience: 'internal',
    department: BS,
    keywords: ['pas', 'nødpas', 'hurtigt'],
    da: [
      'Hvornår må vi udstede et nødpas?',
      'Nødpas udsteder vi kun, hvis borgeren skal rejse inden for få dage og ikke kan nå at få et almindeligt pas.',
      'Borgeren skal vise rejsebevis.\n\nTjek identitet med kørekort eller gammelt pas.\n\nNødpasset gælder kun til den rejse.',
    ],
  },
  {
    audience: 'internal',
    department: BS,
    keywords: ['fritagelse', 'digital post', 'blanket'],
    da: [
      'Hvordan registrerer vi fritagelse for Digital Post?',
      'Brug blanketten i fagsystemet. Borgeren skal selv skrive under.',
      'Vælg den grund, der passer.\n\nFritagelsen gælder, til borgeren selv beder om Digital Post igen.\n\nSend kvittering med posten.',
    ],
  },
  {
    audience: 'internal',
    department: BS,
    keywords: ['mitid', 'kodeviser', 'identitet', 'ukrainsk'],
    da: [
      'Hvordan udsteder vi MitID uden pas?',
      'Uden pas eller kørekort kan borgeren få MitID med to andre papirer med foto. Spørg en kollega, hvis du er i tvivl.',
      'Se listen over gyldige papirer i vejledningen.\n\nSkriv altid i sagen, hvilke papirer du så.',
    ],
  },
  {
    audience: 'internal',
    department: BS,
    keywords: ['cpr', 'adresse', 'ukendt', 'flytning'],
    da: [
      'Hvad gør vi, når en borger ikke bor på sin adresse?',
      'Send sagen til Folkeregistret i fagsystemet. Borgeren skal have et brev, før vi ændrer noget.',
      'Skriv hvad du har set, og hvem der har sagt det.\n\nVi må aldrig ændre adressen uden partshøring.',
    ],
  },
  {
    audience: 'internal',
    department: MT,
    keywords: ['storskrald', 'klage', 'ikke hentet'],
    da: [
      'Borgeren siger, at storskrald ikke er hentet. Hvad gør jeg?',
      'Tjek om der er bestilt afhentning i systemet. Er der det, skriver du til vognmanden.',
      'Vognmanden skal hente inden for to hverdage.\n\nSig til borgeren, at tingene skal blive stående.',
    ],
  },
  {
    audience: 'internal',
    department: MT,
    keywords: ['rotter', 'kloak', 'anmeldelse'],
    da: [
      'Hvordan sender vi en rotteanmeldelse videre?',
      'Opret anmeldelsen i rottesystemet og vælg hvor akut den er. Rottefængeren får den straks.',
      'Rotter inde i en bolig er altid akut.\n\nSkriv borgerens telefon, så rottefængeren kan ringe.',
    ],
  },
  {
    audience: 'internal',
    department: BU,
    keywords: ['pasningsgaranti', 'overskridelse', 'plads'],
    da: [
      'Hvad gør vi, hvis vi ikke kan holde pasningsgarantien?',
      'Giv pladsanvisningen besked samme dag. Forældrene kan have ret til penge til anden pasning.',
      'Noter datoen for garantien i sagen.\n\nRing til forældrene og fortæl dem, hvad der sker.',
    ],
  },
  {
    audience: 'internal',
    department: SS,
    keywords: ['hjemmehjælp', 'akut', 'visitation'],
    da: [
      'Hvordan visiterer vi akut hjemmehjælp?',
      'Ring til Visitationens vagttelefon. De kan give hjælp samme dag.',
      'Det gælder fx når en borger kommer hjem fra sygehus.\n\nVisitator kommer på besøg inden for tre dage.',
    ],
  },
  {
    audience: 'internal',
    department: KF,
    keywords: ['tilskud', 'forening', 'udbetaling', 'frist'],
    da: [
      'Hvornår udbetaler vi foreningstilskud?',
      'Vi udbetaler tilskud i april, når alle ansøgninger er behandlet.',
      'Mangler der regnskab, holder vi pengene tilbage.\n\nSkriv til foreningen i Digital Post, hvis der mangler noget.',
    ],
  },
  {
    audience: 'internal',
    department: ADM,
    keywords: ['rykker', 'aftale', 'afdrag'],
    da: [
      'Hvornår må vi lave en aftale om afdrag?',
      'Du må lave en aftale om afdrag på op til 12 måneder. Større aftaler skal godkendes af Opkrævningen.',
      'Skriv aftalen i sagen.\n\nSend en bekræftelse til borgeren i Digital Post.',
    ],
  },
];

/** A seed article as the editor would have written it. */
export function seedInput(seed: SeedArticle, today: string): ArticleInput {
  const review = new Date(`${today}T12:00:00Z`);
  review.setUTCDate(review.getUTCDate() + (seed.reviewInDays ?? 365));
  const text = ([title, shortAnswer, bodyMarkdown]: Text) => ({ title, shortAnswer, bodyMarkdown });
  return {
    kind: seed.referral ? 'referral' : 'answer',
    audience: seed.audience ?? 'public',
    status: 'published',
    topic: seed.topic ?? null,
    department: seed.department,
    serviceIds: seed.services ?? [],
    keywords: seed.keywords ?? [],
    synonyms: seed.synonyms ?? [],
    referral: seed.referral ?? null,
    reviewBy: review.toISOString().slice(0, 10),
    texts: seed.en ? { da: text(seed.da), en: text(seed.en) } : { da: text(seed.da) },
  };
}
