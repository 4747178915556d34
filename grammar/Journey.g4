// The Journey language in one grammar: declarations, journeys (header clauses and steps) and the
// CEL expression language they embed.
//
// Three things happen outside this file (compiler/syntax/):
//  - a token filter between lexer and parser decides which NEWLINE tokens end a statement
//    (none inside parentheses or brackets, none after an operator, `.`, `,`, `?`, `:` or `=`,
//    none right after `{` or before `}`, `)`, `]`, `,` and `else`, never two in a row), so the
//    rules below only see NEWLINE where it separates statements, declarations or fields;
//  - the builder turns the parse tree into our AST, decodes literals, folds `-` into number
//    literals, recognises macros and checks times of day;
//  - syntax errors are rewritten into plain words and recovered at the next statement.
//
// Journey keywords are contextual: they are tokens of their own, but `ident` accepts them, so
// they remain usable as variable and field names. CEL's reserved words are tokens too, allowed
// only as field selectors (`a.if`) and field names.
grammar Journey;

// =============================================================================================
// Entry points

file     : sep? (decl (sep decl)* sep?)? EOF ;
exprFile : sep? expr[false] sep? EOF ;

// Statements, declarations and clauses end at a newline or `;`.
sep : (NEWLINE | SEMI)+ ;

// =============================================================================================
// Declarations

decl
  : importDecl
  | typeDecl
  | schemaDecl
  | eventDecl
  | channelDecl
  | audienceDecl
  | actionDecl
  | capDecl
  | constDecl
  | fnDecl
  | journeyDecl
  | testDecl
  ;

importDecl   : IMPORT STRING ;
typeDecl     : TYPE ident recordBody ;
schemaDecl   : SCHEMA ident recordBody ;
eventDecl    : EVENT ident (RETAIN expr[true])? recordBody? ;
channelDecl  : CHANNEL ident fieldBlock ;
audienceDecl : AUDIENCE ident ASSIGN expr[false] ;
capDecl      : CAP ident count=expr[false] PER window=expr[false] ;
constDecl    : CONST ident (COLON typeRef)? ASSIGN expr[false] ;
fnDecl       : FN ident LPAREN (param (COMMA param)* COMMA?)? RPAREN (COLON typeRef)?
               ASSIGN expr[false] ;
param        : ident COLON typeRef ;

actionDecl : ACTION ident LBRACE sep? (actionItem (sep actionItem)* sep?)? RBRACE ;
actionItem
  : METHOD ident            # ActionMethod
  | URL expr[false]         # ActionUrl
  | TIMEOUT expr[false]     # ActionTimeout
  | RETRIES expr[false]     # ActionRetries
  | RESPONSE recordBody     # ActionResponse
  | MOCK ERROR expr[false]  # ActionMockError
  | MOCK fieldBlock         # ActionMock
  ;

// ---------------------------------------------------------------------------------------------
// Types and record-like bodies. A field always starts with `name :`, so the separator between
// fields (`,`, newline or `;`) is optional: the filter drops the newline after `string?`.

typeRef : typeAtom QUESTION? ;
typeAtom
  : qualifiedName (LT typeRef (COMMA typeRef)* GT)?   # NamedType
  | LBRACE fieldDecls? RBRACE                         # RecordType
  ;
qualifiedName : ident (DOT ident)* ;

recordBody : LBRACE fieldDecls? RBRACE ;
fieldDecls : fieldDecl (fieldSep? fieldDecl)* fieldSep? ;
fieldDecl  : selector COLON typeRef (ASSIGN expr[false])? ;
fieldSep   : (COMMA | NEWLINE | SEMI)+ ;

// `{ field: expr, ... }` in statements, channels and mocks.
fieldBlock : LBRACE fieldInits? RBRACE ;
fieldInits : fieldInit (fieldSep? fieldInit)* fieldSep? ;
fieldInit  : QUESTION? selector COLON expr[false] ;

// =============================================================================================
// Journeys

journeyDecl : JOURNEY ident LBRACE sep? (journeyItem (sep journeyItem)* sep?)? RBRACE ;
journeyItem : clause | stmt ;

clause
  : ENTRY ON AUDIENCE ident EXIT?                                             # EntryAudience
  | ENTRY ON ident (AS ident)? (WHEN expr[false])?                            # EntryEvent
  | ENTRY EVERY schedule (IN expr[false])? FOR AUDIENCE ident INCREMENTAL?    # EntryEvery
  | ENTRY AT expr[false] FOR AUDIENCE ident                                   # EntryAt
  | KEY expr[false]                                                           # KeyClause
  | REENTRY (NEVER | ALWAYS | AFTER expr[false])                              # ReentryClause
  | EXIT ON ident (AS ident)? (WHEN expr[false])?                             # ExitOnClause
  | EXIT WHEN expr[false]                                                     # ExitWhenClause
  | TIMEOUT expr[false]                                                       # TimeoutClause
  | TIMEZONE expr[false]                                                      # TimezoneClause
  | QUIET HOURS from=timeOfDay TO to=timeOfDay (QUEUE | DISCARD)?             # QuietHoursClause
  | capDecl                                                                   # CapClause
  ;

// `day at 09:00`, `monday at 09:00`, `cron "0 9 * * 1"`, or a duration (`hour` is an
// identifier here; the builder recognises it).
schedule
  : ident AT timeOfDay   # ScheduleAt
  | CRON STRING          # ScheduleCron
  | arithmetic           # ScheduleEvery
  ;

timeOfDay : INT COLON INT ;

block : LBRACE sep? (stmt (sep stmt)* sep?)? RBRACE ;

stmt
  : WAIT UNTIL timeOfDay (ON ident)?                                         # WaitUntilTimeStmt
  | WAIT UNTIL expr[false]                                                   # WaitUntilStmt
  | WAIT FOR awaited (COMMA awaited)* (WITHIN expr[true])? waitBody?         # WaitForStmt
  | WAIT expr[false]                                                         # WaitStmt
  | IF expr[true] block elseIf* (ELSE block)?                                # IfStmt
  | SPLIT STRING splitBody                                                   # SplitStmt
  | SEND ident STRING fieldBlock?                                            # SendStmt
  | CALL ident fieldBlock? (AS ident)? (ON ERROR block)?                     # CallStmt
  | SET ident (DOT selector)* ASSIGN expr[false]                             # SetStmt
  | LET ident ASSIGN expr[false]                                             # LetStmt
  | EMIT ident fieldBlock?                                                   # EmitStmt
  | GOTO ident                                                               # GotoStmt
  | END STRING?                                                              # EndStmt
  ;

elseIf   : ELSE IF expr[true] block ;
awaited  : ident (AS ident)? (WHEN expr[true])? ;
waitBody : LBRACE sep? (handler (sep handler)* sep?)? RBRACE ;
handler
  : ON ident block   # OnHandler
  | TIMEOUT block    # TimeoutHandler
  ;
splitBody : LBRACE sep? (splitArm (sep splitArm)* sep?)? RBRACE ;
splitArm  : INT MOD block ;

// =============================================================================================
// Tests (`journey test`, docs/testing-journeys.md): inputs on a virtual clock and expectations on
// the output records. An expectation's words are plain names (`expect no send sms`), so `at`
// and `for` after them stay keywords.

testDecl : TEST STRING LBRACE sep? (testStmt (sep testStmt)* sep?)? RBRACE ;
testStmt
  : testWord fieldBlock                                         # TestProfile
  | AT STRING EVENT ident (FOR STRING)? fieldBlock?             # TestEvent
  | AT STRING SET (FOR STRING)? fieldBlock                      # TestSet
  | UNTIL STRING                                                # TestUntil
  | EXPECT expectWord+ STRING? (AT STRING)? (FOR STRING)?       # TestExpect
  ;
// `profile` (the builder refuses any other word with its own message); not the words that
// begin the other statements, so that `until 5` is told a string is missing, not a `{`.
testWord
  : IDENT
  | JOURNEY | TYPE | SCHEMA | EVENT | RETAIN | CHANNEL | AUDIENCE | ACTION | METHOD | URL
  | TIMEOUT | RETRIES | RESPONSE | MOCK | ERROR | CAP | PER | FN | ENTRY | ON | WHEN | EVERY
  | CRON | INCREMENTAL | KEY | REENTRY | NEVER | ALWAYS | AFTER | EXIT | TIMEZONE | QUIET
  | HOURS | TO | QUEUE | DISCARD | WAIT | WITHIN | SPLIT | SEND | CALL | SET | EMIT
  | GOTO | TEST | END
  ;
// Any name but `at`, which begins the expectation's time: a journey, event or audience named
// with a keyword (`journey until`) is named so here too.
expectWord
  : IDENT
  | JOURNEY | TYPE | SCHEMA | EVENT | RETAIN | CHANNEL | AUDIENCE | ACTION | METHOD | URL
  | TIMEOUT | RETRIES | RESPONSE | MOCK | ERROR | CAP | PER | FN | ENTRY | ON | WHEN | EVERY
  | CRON | INCREMENTAL | KEY | REENTRY | NEVER | ALWAYS | AFTER | EXIT | TIMEZONE | QUIET
  | HOURS | TO | QUEUE | DISCARD | WAIT | UNTIL | WITHIN | SPLIT | SEND | CALL | SET | EMIT
  | GOTO | TEST | EXPECT | END
  ;

// =============================================================================================
// CEL expressions. `ns` ("no struct") is true in statement headers, where a `{` after an
// expression opens the block instead of a record literal; parentheses and brackets turn it off.
//
// Binary operators come as one flat list and the builder applies CEL's precedence (`* / %`, then
// `+ -`, then the relations and `in`, then `&&`, then `||`, all left-associative): one rule
// instead of one per level keeps the parse tree small, and long chains need no recursion.

expr[bool ns] : cond=binary[$ns] (QUESTION then=binary[false] COLON otherwise=expr[$ns])? ;
binary[bool ns]
  : operand[$ns]
    ((OR | AND | LT | LE | GE | GT | EQ | NE | IN | PLUS | MINUS | STAR | SLASH | MOD) operand[$ns])*
  ;
// Schedules (`every 2h + 30m in "Europe/Paris"`) take arithmetic only, so `in` stays free.
arithmetic : operand[false] ((PLUS | MINUS | STAR | SLASH | MOD) operand[false])* ;

// Unary operators (CEL does not mix `!` and `-`), a primary and its member accesses. The
// predicate sits in this rule's own loop decision, so ANTLR evaluates it with `ns` set.
operand[bool ns] : (NOT+ | MINUS+)? primary (memberSuffix | {!$ns}? recordInit)* ;
memberSuffix
  : DOT QUESTION? selector (LPAREN exprList? RPAREN)?   # SelectSuffix
  | LBRACKET QUESTION? expr[false] RBRACKET             # IndexSuffix
  ;
// `Name{field: value}`: the name is the member expression before it.
recordInit : LBRACE (fieldInit (COMMA fieldInit)* COMMA?)? RBRACE ;

primary
  : DOT? ident (LPAREN exprList? RPAREN)?   # IdentPrimary
  | LPAREN expr[false] RPAREN               # ParenPrimary
  | LBRACKET listElems? RBRACKET            # ListPrimary
  | LBRACE mapEntries? RBRACE               # MapPrimary
  | ( INT | UINT | FLOAT | STRING | BYTES | TRUE_LIT | FALSE_LIT | NULL_LIT | DURATION
    | BAD_NUMBER )                          # LiteralPrimary
  ;

exprList   : expr[false] (COMMA expr[false])* COMMA? ;
listElems  : listElem (COMMA listElem)* COMMA? ;
listElem   : QUESTION? expr[false] ;
mapEntries : mapEntry (COMMA mapEntry)* COMMA? ;
mapEntry   : QUESTION? key=expr[false] COLON value=expr[false] ;

// Names: plain identifiers and every contextual keyword.
ident
  : IDENT
  | JOURNEY | TYPE | SCHEMA | EVENT | RETAIN | CHANNEL | AUDIENCE | ACTION | METHOD | URL
  | TIMEOUT | RETRIES | RESPONSE | MOCK | ERROR | CAP | PER | FN | ENTRY | ON | WHEN | EVERY
  | AT | CRON | INCREMENTAL | KEY | REENTRY | NEVER | ALWAYS | AFTER | EXIT | TIMEZONE | QUIET
  | HOURS | TO | QUEUE | DISCARD | WAIT | UNTIL | WITHIN | SPLIT | SEND | CALL | SET | EMIT
  | GOTO | TEST | EXPECT | END
  ;
// After `.` and as a field name, CEL's reserved words are allowed too, and so is any name in
// backquotes (`` m.`content-type` ``).
selector : ident | reserved | QUOTED_IDENT ;
reserved
  : AS | BREAK | CONST | CONTINUE | ELSE | FOR | FUNCTION | IF | IMPORT | LET | LOOP | PACKAGE
  | NAMESPACE | RETURN | VAR | VOID | WHILE
  ;

// =============================================================================================
// Lexer. These rules define the tokens. The compiler reads them with a hand-written scanner
// (compiler/syntax/scanner.cpp), much faster than ANTLR's C++ lexer runtime, which a unit test
// keeps token-for-token identical to the lexer generated from these rules.

// CEL keywords: never identifiers.
TRUE_LIT  : 'true' ;
FALSE_LIT : 'false' ;
NULL_LIT  : 'null' ;
IN        : 'in' ;

// CEL reserved words.
AS        : 'as' ;
BREAK     : 'break' ;
CONST     : 'const' ;
CONTINUE  : 'continue' ;
ELSE      : 'else' ;
FOR       : 'for' ;
FUNCTION  : 'function' ;
IF        : 'if' ;
IMPORT    : 'import' ;
LET       : 'let' ;
LOOP      : 'loop' ;
PACKAGE   : 'package' ;
NAMESPACE : 'namespace' ;
RETURN    : 'return' ;
VAR       : 'var' ;
VOID      : 'void' ;
WHILE     : 'while' ;

// Journey's contextual keywords.
JOURNEY     : 'journey' ;
TYPE        : 'type' ;
SCHEMA      : 'schema' ;
EVENT       : 'event' ;
RETAIN      : 'retain' ;
CHANNEL     : 'channel' ;
AUDIENCE    : 'audience' ;
ACTION      : 'action' ;
METHOD      : 'method' ;
URL         : 'url' ;
TIMEOUT     : 'timeout' ;
RETRIES     : 'retries' ;
RESPONSE    : 'response' ;
MOCK        : 'mock' ;
ERROR       : 'error' ;
CAP         : 'cap' ;
PER         : 'per' ;
FN          : 'fn' ;
ENTRY       : 'entry' ;
ON          : 'on' ;
WHEN        : 'when' ;
EVERY       : 'every' ;
AT          : 'at' ;
CRON        : 'cron' ;
INCREMENTAL : 'incremental' ;
KEY         : 'key' ;
REENTRY     : 'reentry' ;
NEVER       : 'never' ;
ALWAYS      : 'always' ;
AFTER       : 'after' ;
EXIT        : 'exit' ;
TIMEZONE    : 'timezone' ;
QUIET       : 'quiet' ;
HOURS       : 'hours' ;
TO          : 'to' ;
QUEUE       : 'queue' ;
DISCARD     : 'discard' ;
WAIT        : 'wait' ;
UNTIL       : 'until' ;
WITHIN      : 'within' ;
SPLIT       : 'split' ;
SEND        : 'send' ;
CALL        : 'call' ;
SET         : 'set' ;
EMIT        : 'emit' ;
GOTO        : 'goto' ;
TEST        : 'test' ;
EXPECT      : 'expect' ;
END         : 'end' ;

// Punctuation and operators.
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
DOT      : '.' ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
QUESTION : '?' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
AND      : '&&' ;
OR       : '||' ;
NOT      : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
MOD      : '%' ;

// Numbers. The order settles ties of equal length; BAD_NUMBER catches a number run into
// letters (`10sec`, `0x`, `1e3x`) so the error names the whole word.
DURATION   : DIGIT+ DURATION_UNIT (DIGIT+ DURATION_UNIT)* ;
UINT       : (DIGIT+ | '0' [xX] HEXDIGIT+) [uU] ;
FLOAT      : DIGIT+ '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT | '.' DIGIT+ EXPONENT? ;
INT        : DIGIT+ | '0' [xX] HEXDIGIT+ ;
BAD_NUMBER : DIGIT [a-zA-Z0-9_]* ;

// Strings and bytes. A missing closing quote still makes a token (to the end of the line, or of
// the file for triple quotes); the token filter reports it. Escapes are decoded and checked by
// the builder.
STRING : [rR] RAW_BODY | PLAIN_BODY ;
BYTES  : ([bB] [rR] | [rR] [bB]) RAW_BODY | [bB] PLAIN_BODY ;

IDENT        : [_a-zA-Z] [_a-zA-Z0-9]* ;
QUOTED_IDENT : '`' ~[`\r\n]+ '`' ;

NEWLINE       : '\r'? '\n' | '\r' ;
WS            : [ \t\f\u000B\uFEFF]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;

// Anything else: one character, reported by the token filter.
ERROR_CHAR : . ;

fragment DIGIT         : [0-9] ;
fragment HEXDIGIT      : [0-9a-fA-F] ;
fragment EXPONENT      : [eE] [+-]? DIGIT+ ;
fragment DURATION_UNIT : 'ns' | 'us' | 'ms' | 's' | 'm' | 'h' | 'd' | 'w' ;

fragment PLAIN_BODY
  : '"""' ('\\' . | ~'\\')*? ('"""' | EOF)
  | '\'\'\'' ('\\' . | ~'\\')*? ('\'\'\'' | EOF)
  | '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"'?
  | '\'' ('\\' ~[\r\n] | ~['\\\r\n])* '\''?
  ;
fragment RAW_BODY
  : '"""' .*? ('"""' | EOF)
  | '\'\'\'' .*? ('\'\'\'' | EOF)
  | '"' ~["\r\n]* '"'?
  | '\'' ~['\r\n]* '\''?
  ;
