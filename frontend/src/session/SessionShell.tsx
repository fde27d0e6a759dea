import { Card, CardBody, Col, Container, Headers, Row } from "design-react-kit";
import type { ReactNode } from "react";
import { BrandHeader, LanguageSwitch, SlimHeader } from "../app/Masthead";

/**
 * The frame of the pages reached without a session (sign-in, forgotten
 * password, setting a password from a link): the same Bootstrap Italia
 * header as inside, without the menu, and one card with the page's heading.
 */
export function SessionShell({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <>
      <header>
        <Headers>
          <SlimHeader>
            <LanguageSwitch />
          </SlimHeader>
          <div className="it-nav-wrapper">
            <BrandHeader />
          </div>
        </Headers>
      </header>
      <main id="main" tabIndex={-1} className="bg-light py-5 win-sign-in">
        <Container>
          <Row className="justify-content-center">
            <Col lg={5} md={8}>
              <Card className="shadow-sm">
                <CardBody className="p-4 p-md-5">
                  <h1 className="h3 mb-4">{title}</h1>
                  {children}
                </CardBody>
              </Card>
            </Col>
          </Row>
        </Container>
      </main>
    </>
  );
}
