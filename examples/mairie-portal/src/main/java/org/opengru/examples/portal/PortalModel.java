package org.opengru.examples.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.examples.portal.signin.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Puts the commune's settings ({@code portal}) and the signed-in user ({@code user}) in every page's
 * model, and turns the usual failures into pages.
 */
@ControllerAdvice(basePackages = "org.opengru.examples.portal")
class PortalModel {

    private final PortalSettings settings;

    PortalModel(PortalSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("portal")
    PortalSettings portal() {
        return settings;
    }

    /**
     * Read without creating a session: the async dispatch that ends a live follow-up stream comes after its
     * response is committed, possibly after a sign-out, when a new session can no longer be created.
     */
    @ModelAttribute("user")
    @Nullable
    PortalUser user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : CurrentUser.find(session);
    }

    @ExceptionHandler(CurrentUser.SignInRequiredException.class)
    String signIn() {
        return "redirect:/connexion";
    }

    @ExceptionHandler(CurrentUser.AgentSignInRequiredException.class)
    String agentSignIn() {
        return "redirect:/agent/connexion";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpSession session, Model model) {
        return page("introuvable", session, model);
    }

    /**
     * An id, code or date in the address that is not one (a malformed UUID, a day that does not exist) or
     * that names nothing the pages look up names nothing: the same page as an unknown one, never a 500.
     */
    @ExceptionHandler({
        ValidationException.class,
        MethodArgumentTypeMismatchException.class,
        DateTimeParseException.class,
        NoSuchElementException.class
    })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformed(HttpSession session, Model model) {
        return page("introuvable", session, model);
    }

    /** A request the pages never send (an unknown action, say): the French error page with its status. */
    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, HttpServletResponse response, HttpSession session, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        return page("error", session, model);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpSession session, Model model) {
        return page("interdit", session, model);
    }

    /** An exception handler's model is a fresh one, without the @ModelAttribute values the layout needs. */
    private String page(String view, HttpSession session, Model model) {
        model.addAttribute("portal", settings);
        model.addAttribute("user", CurrentUser.find(session));
        return view;
    }
}
