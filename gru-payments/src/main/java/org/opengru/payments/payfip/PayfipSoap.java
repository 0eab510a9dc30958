package org.opengru.payments.payfip;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.opengru.payments.ProviderException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The SOAP messages of PayFiP's secured payment service, in one place. The DGFiP's WSDL could not be read
 * when this was written: the envelopes follow the field names of the DGFiP's implementation guide and the
 * shape public integrations use (operation element in the service's namespace, parameters in an
 * unqualified {@code arg0}, answers in {@code return}). Answers are read by local element names, so a
 * prefix or namespace change on PayFiP's side does not break them. Compare with the WSDL the DDFiP sends
 * before production.
 */
public final class PayfipSoap {

    /** The service's namespace as public integrations use it. */
    public static final String NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private PayfipSoap() {}

    /**
     * The {@code creerPaiementSecurise} request; values in the order of the guide's table.
     *
     * @param fields the request's fields
     * @return the SOAP envelope
     */
    public static String createRequest(Map<String, String> fields) {
        return envelope("creerPaiementSecurise", fields);
    }

    /**
     * The {@code recupererDetailPaiementSecurise} request for one operation id.
     *
     * @param idOp the operation id
     * @return the SOAP envelope
     */
    public static String detailRequest(String idOp) {
        return envelope("recupererDetailPaiementSecurise", Map.of("idOp", idOp));
    }

    private static String envelope(String operation, Map<String, String> fields) {
        StringBuilder b = new StringBuilder(512);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"")
                .append(SOAP_ENV)
                .append("\" xmlns:pai=\"")
                .append(NAMESPACE)
                .append("\"><soapenv:Header/><soapenv:Body><pai:")
                .append(operation)
                .append("><arg0>");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            b.append('<').append(f.getKey()).append('>');
            escape(b, f.getValue());
            b.append("</").append(f.getKey()).append('>');
        }
        b.append("</arg0></pai:").append(operation).append("></soapenv:Body></soapenv:Envelope>");
        return b.toString();
    }

    /**
     * The children of the answer's {@code return} element by local name (the first of each), or a {@link
     * ProviderException}: {@link ProviderException.Kind#FAULT} for a SOAP fault (PayFiP's code in it),
     * {@link ProviderException.Kind#UNEXPECTED_RESPONSE} for anything else.
     *
     * @param body the answer's bytes
     * @return the fields
     */
    public static Map<String, String> answer(byte[] body) {
        Document doc = parse(body);
        Element fault = first(doc.getDocumentElement(), "Fault");
        if (fault != null) {
            String faultString = text(fault, "faultstring");
            String code = text(fault, "code");
            if (code == null) {
                code = text(fault, "faultcode");
            }
            throw new ProviderException(
                    ProviderException.Kind.FAULT, code, faultString == null ? "SOAP fault" : faultString, null);
        }
        Element ret = first(doc.getDocumentElement(), "return");
        if (ret == null) {
            throw unexpected("no return element in the answer");
        }
        Map<String, String> out = new LinkedHashMap<>();
        NodeList children = ret.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e) {
                out.putIfAbsent(localName(e), e.getTextContent().trim());
            }
        }
        return out;
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // No DTD, no external entity: the answer is data from the network.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new ProviderException(
                    ProviderException.Kind.UNEXPECTED_RESPONSE, null, "the answer is not XML: " + e.getMessage(), e);
        }
    }

    private static @Nullable Element first(Element root, String localName) {
        if (localName.equals(localName(root))) {
            return root;
        }
        NodeList all = root.getElementsByTagNameNS("*", localName);
        return all.getLength() == 0 ? null : (Element) all.item(0);
    }

    private static @Nullable String text(Element root, String localName) {
        Element e = first(root, localName);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    static ProviderException unexpected(String message) {
        return new ProviderException(ProviderException.Kind.UNEXPECTED_RESPONSE, null, message, null);
    }

    private static void escape(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
    }

    /**
     * For tests and fakes: the {@code arg0} fields of a request.
     *
     * @param body the request's bytes
     * @return the fields
     */
    public static Map<String, String> requestFields(byte[] body) {
        Document doc = parse(body);
        Element arg = first(doc.getDocumentElement(), "arg0");
        Map<String, String> out = new HashMap<>();
        if (arg != null) {
            NodeList children = arg.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e) {
                    out.put(localName(e), e.getTextContent());
                }
            }
        }
        return out;
    }

    /**
     * For tests and fakes: the operation a request calls (the Body's first element).
     *
     * @param body the request's bytes
     * @return the operation's local name
     */
    public static String requestOperation(byte[] body) {
        Document doc = parse(body);
        Element b = first(doc.getDocumentElement(), "Body");
        if (b == null) {
            throw unexpected("no SOAP Body");
        }
        NodeList children = b.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return localName(e);
            }
        }
        throw unexpected("empty SOAP Body");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
