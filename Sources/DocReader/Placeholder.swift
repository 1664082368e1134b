import CLibXML2
// Placeholder until the DocReader stage lands.
let libxml2Version = LIBXML_DOTTED_VERSION
